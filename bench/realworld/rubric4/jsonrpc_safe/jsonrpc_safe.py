"""A JSON-RPC connection over a stream pair, with a background reader and an outbox flusher."""
import asyncio
import itertools
import json
from typing import Any, Dict, Optional


class RpcError(Exception):
    pass


class RpcConnection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._ids = itertools.count(1)
        self._waiters: Dict[int, asyncio.Future] = {}
        self._outbox: "asyncio.Queue[Optional[bytes]]" = asyncio.Queue()
        self._reader_task = asyncio.create_task(self._read_responses())
        self._flush_task = asyncio.create_task(self._flush_outbox())

    async def _read_responses(self) -> None:
        while True:
            line = await self._reader.readline()
            if not line:
                await asyncio.sleep(0.1)
                continue
            msg = json.loads(line)
            fut = self._waiters.pop(msg.get("id"), None)
            if fut is not None and not fut.done():
                if "error" in msg:
                    fut.set_exception(RpcError(msg["error"]))
                else:
                    fut.set_result(msg.get("result"))

    async def _flush_outbox(self) -> None:
        while True:
            data = await self._outbox.get()
            if data is None:
                return
            self._writer.write(data)
            await self._writer.drain()

    async def call(self, method: str, **params: Any) -> Any:
        msg_id = next(self._ids)
        fut = asyncio.get_running_loop().create_future()
        self._waiters[msg_id] = fut
        await self._outbox.put(json.dumps({"id": msg_id, "method": method, "params": params}).encode() + b"\n")
        return await fut

    async def close(self) -> None:
        try:
            await self.call("session.goodbye")
        finally:
            self._reader_task.cancel()
            self._flush_task.cancel()
            await asyncio.gather(self._reader_task, self._flush_task, return_exceptions=True)
            self._writer.close()
