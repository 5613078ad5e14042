import asyncio
import itertools
import json

from .race import first_completed


class Peer:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._ids = itertools.count(1)
        self._waiters: dict[int, asyncio.Future] = {}
        self._gone = asyncio.Event()

    async def serve(self) -> None:
        async for line in self._reader:
            reply = json.loads(line)
            waiter = self._waiters.pop(reply["id"], None)
            if waiter is not None and not waiter.done():
                waiter.set_result(reply.get("result"))
        self._gone.set()

    async def request(self, method: str, params: dict, timeout: float = 5.0):
        request_id = next(self._ids)
        waiter = asyncio.get_running_loop().create_future()
        self._waiters[request_id] = waiter
        self._writer.write(json.dumps({"id": request_id, "method": method,
                                       "params": params}).encode() + b"\n")
        await self._writer.drain()
        try:
            return await first_completed(waiter, self._gone.wait(), timeout=timeout)
        finally:
            self._waiters.pop(request_id, None)
