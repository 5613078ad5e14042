"""A reconnect that resets the old connection only when it takes one to be up (`if self._ws
is not None: await self._reset()`), then stores a new reader. On the other path the holder
would still hold a running reader only if `_ws` could be `None` while a reader runs: that turns
on how the class keeps the two together, which the analysis does not follow, so no overwrite is
claimed and the words say what was not followed (TL001, low). The near miss resets on every
path before the store (TL001, no such words); the second near miss resets on none, and its
`stop()` ends only the last reader (TL103)."""

import asyncio
from typing import Any


class Client:
    def __init__(self) -> None:
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._running = True
        self._lost = asyncio.Event()

    async def _read(self, ws: Any) -> None:
        while True:
            await ws.recv()

    async def _reset(self) -> None:
        reader, self._reader = self._reader, None
        self._ws = None
        if reader is not None:
            reader.cancel()

    async def connect(self, ws: Any) -> None:
        if self._ws is not None:
            await self._reset()
        self._ws = ws
        self._reader = asyncio.create_task(self._read(ws))

    async def run(self, connections: Any) -> None:
        while self._running:
            await self.connect(await connections.get())
            await self._lost.wait()

    async def stop(self) -> None:
        self._running = False
        await self._reset()


class AlwaysResets:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None
        self._running = True
        self._lost = asyncio.Event()

    async def _read(self, ws: Any) -> None:
        while True:
            await ws.recv()

    async def _reset(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None

    async def connect(self, ws: Any) -> None:
        await self._reset()
        self._reader = asyncio.create_task(self._read(ws))

    async def run(self, connections: Any) -> None:
        while self._running:
            await self.connect(await connections.get())
            await self._lost.wait()

    async def stop(self) -> None:
        self._running = False
        await self._reset()


class NeverResets:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None
        self._running = True
        self._lost = asyncio.Event()

    async def _read(self, ws: Any) -> None:
        while True:
            await ws.recv()

    async def _reset(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None

    async def connect(self, ws: Any) -> None:
        self._reader = asyncio.create_task(self._read(ws))

    async def run(self, connections: Any) -> None:
        while self._running:
            await self.connect(await connections.get())
            await self._lost.wait()

    async def stop(self) -> None:
        self._running = False
        await self._reset()
