from __future__ import annotations

import asyncio
import contextlib

from .base import Session


class TlsSession(Session):
    keepalive_every = 20.0

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        super().__init__(reader, writer)
        self._keepalive: asyncio.Task[None] | None = None

    async def handshake(self) -> None:
        self.writer.write(b"\x16\x03\x01HELLO")
        await self.writer.drain()
        reply = await self.reader.readexactly(5)
        if not reply.startswith(b"\x16"):
            raise ConnectionError("bad handshake reply")
        self._keepalive = asyncio.create_task(self._send_keepalives())

    async def _send_keepalives(self) -> None:
        while True:
            await asyncio.sleep(self.keepalive_every)
            self.writer.write(b"\x00\x00\x00\x00")

    async def close(self) -> None:
        if self._keepalive is not None:
            self._keepalive.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keepalive
        await super().close()
