from __future__ import annotations

import asyncio
import itertools
from typing import Any

from .transport import Transport


class RpcClient:
    def __init__(self, host: str, port: int) -> None:
        self._transport = Transport(host, port, self._on_frame)
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[Any]] = {}

    async def connect(self) -> None:
        await self._transport.open()

    def _on_frame(self, frame: dict[str, Any]) -> None:
        future = self._pending.pop(frame.get("id", -1), None)
        if future is not None and not future.done():
            future.set_result(frame.get("result"))

    async def call(self, method: str, **params: Any) -> Any:
        call_id = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[call_id] = future
        await self._transport.send({"id": call_id, "method": method, "params": params})
        return await asyncio.wait_for(future, 30)

    async def notify(self, method: str, **params: Any) -> None:
        await self._transport.send({"method": method, "params": params})

    async def close(self) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(ConnectionError("client closed"))
        self._pending.clear()
