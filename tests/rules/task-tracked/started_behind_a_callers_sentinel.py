"""A relay that opens its upstream on the first request that needs it: the caller connects only
`if self._upstream is None and not await self._connect()`, and `_connect()` sets `_upstream` to
the new writer beside storing the pump. `_upstream` is cleared only by the pump itself as it
finishes and by `close()`, which ends the pump (`pump, self._pump = self._pump, None`, then a
cancel): behind that test no request stores a pump over a live one (TL001). The near miss,
`LeakyRelay`, also clears the sentinel in `on_error()`, which leaves the pump running: the next
request stores a second pump over the first (TL103)."""

import asyncio
from typing import Any


class Relay:
    def __init__(self) -> None:
        self._upstream: Any = None
        self._pump: asyncio.Task[None] | None = None

    async def _open(self) -> tuple[Any, Any]:
        return await asyncio.open_connection("localhost", 554)

    async def _connect(self) -> bool:
        reader, writer = await self._open()
        self._upstream = writer
        self._pump = asyncio.create_task(self._pump_upstream(reader))
        return True

    async def _pump_upstream(self, reader: Any) -> None:
        while data := await reader.read(1024):
            print(data)
        self._pump = None
        upstream, self._upstream = self._upstream, None
        upstream.close()

    async def handle(self, request: bytes) -> bool:
        if self._upstream is None and not await self._connect():
            return False
        self._upstream.write(request)
        return True

    async def run(self, requests: Any) -> None:
        async for request in requests:
            await self.handle(request)

    async def close(self) -> None:
        pump, self._pump = self._pump, None
        if pump is not None:
            pump.cancel()


class LeakyRelay:
    def __init__(self) -> None:
        self._upstream: Any = None
        self._pump: asyncio.Task[None] | None = None

    async def _open(self) -> tuple[Any, Any]:
        return await asyncio.open_connection("localhost", 554)

    async def _connect(self) -> bool:
        reader, writer = await self._open()
        self._upstream = writer
        self._pump = asyncio.create_task(self._pump_upstream(reader))
        return True

    async def _pump_upstream(self, reader: Any) -> None:
        while data := await reader.read(1024):
            print(data)

    def on_error(self) -> None:
        self._upstream = None

    async def handle(self, request: bytes) -> bool:
        if self._upstream is None and not await self._connect():
            return False
        self._upstream.write(request)
        return True

    async def run(self, requests: Any) -> None:
        async for request in requests:
            await self.handle(request)

    async def close(self) -> None:
        pump, self._pump = self._pump, None
        if pump is not None:
            pump.cancel()
