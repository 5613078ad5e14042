"""A reader that runs until cancelled, held by a local until the handshake is done, then stored
where close() cancels it: if the handshake fails (or start() is cancelled there), start() leaves
with the task kept by nothing, and nothing will ever end it. The near miss, `StoredFirst`,
stores it before the handshake: close() reaches it whatever the handshake does."""

import asyncio


class Client:
    def __init__(self, conn) -> None:
        self.conn = conn
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        reader = asyncio.create_task(self._read())
        await self.conn.handshake()
        self._reader = reader

    async def _read(self) -> None:
        while True:
            await self.conn.recv()

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()


class StoredFirst:
    def __init__(self, conn) -> None:
        self.conn = conn
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        reader = asyncio.create_task(self._read())
        self._reader = reader
        await self.conn.handshake()

    async def _read(self) -> None:
        while True:
            await self.conn.recv()

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
