import asyncio
import itertools
import json

from .util import first_of


class RpcClient:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._ids = itertools.count(1)
        self._replies: dict[int, asyncio.Future] = {}
        self._closed = asyncio.Event()
        self._reader_task = asyncio.create_task(self._read_replies())

    async def _read_replies(self) -> None:
        async for line in self._reader:
            reply = json.loads(line)
            future = self._replies.pop(reply["id"], None)
            if future is not None and not future.done():
                future.set_result(reply.get("result"))
        self._closed.set()

    def notify(self, method: str, params: dict) -> asyncio.Task:
        return asyncio.create_task(self._send({"method": method, "params": params}))

    async def _send(self, message: dict) -> None:
        self._writer.write(json.dumps(message).encode() + b"\n")
        await self._writer.drain()

    async def call(self, method: str, params: dict, timeout: float = 10.0):
        request_id = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._replies[request_id] = future
        await self._send({"id": request_id, "method": method, "params": params})
        return await first_of(future, self._closed.wait(), timeout=timeout)

    async def keepalive(self) -> None:
        while not self._closed.is_set():
            self.notify("ping", {})
            await asyncio.sleep(20.0)

    async def close(self) -> None:
        self._reader_task.cancel()
        await asyncio.gather(self._reader_task, return_exceptions=True)
        self._writer.close()
