from __future__ import annotations

import asyncio

from .connection import GuardedPushConnection, PushConnection


class PushServer:
    def __init__(self, guarded: bool = True) -> None:
        self.guarded = guarded
        self._server: asyncio.Server | None = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        cls = GuardedPushConnection if self.guarded else PushConnection
        await cls(reader, writer).run()

    async def serve(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(self._handle, host, port)
        async with self._server:
            await self._server.serve_forever()
