"""A JSON-RPC connection over a stream pair, with a background reader and a hello handshake."""
import asyncio
import itertools
import json
from typing import Any, Dict


class RpcError(Exception):
    pass


class RpcConnection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._ids = itertools.count(1)
        self._waiters: Dict[int, asyncio.Future] = {}
        self._reader_task = asyncio.create_task(self._read_responses())
        self._hello_task = asyncio.create_task(self._hello())

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

    async def _hello(self) -> None:
        try:
            info = await asyncio.wait_for(self.call("session.hello", client="jsonrpc_conn"), timeout=10.0)
        except (RpcError, asyncio.TimeoutError):
            return
        self.server_info = info

    async def call(self, method: str, **params: Any) -> Any:
        msg_id = next(self._ids)
        fut = asyncio.get_running_loop().create_future()
        self._waiters[msg_id] = fut
        self._writer.write(json.dumps({"id": msg_id, "method": method, "params": params}).encode() + b"\n")
        await self._writer.drain()
        return await fut

    async def close(self) -> None:
        await self.call("session.goodbye")
        await self._hello_task
        self._reader_task.cancel()
        self._writer.close()
