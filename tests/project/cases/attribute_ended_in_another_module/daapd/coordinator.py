"""Polls the server and listens to its websocket."""

from __future__ import annotations

import asyncio


class ForkedDaapdUpdater:
    def __init__(self, hass, host: str) -> None:
        self.hass = hass
        self.host = host
        self.websocket_handler: asyncio.Task[None] | None = None

    async def async_init(self) -> None:
        self.websocket_handler = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        while True:
            await asyncio.sleep(30)
