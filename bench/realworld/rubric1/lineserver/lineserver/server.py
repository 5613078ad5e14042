from __future__ import annotations

import asyncio
from typing import Any

from .handler import ConnectionHandler


class LineServer:
    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self._conns: dict[Any, asyncio.Task[None]] = {}

    async def start(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(self._on_client, host, port)

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        handler = ConnectionHandler(reader, writer)
        task = asyncio.create_task(handler.serve())
        self._conns[peer] = task

    @property
    def connection_count(self) -> int:
        return len(self._conns)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for task in self._conns.values():
            task.cancel()
        await asyncio.gather(*self._conns.values(), return_exceptions=True)
        self._conns.clear()
