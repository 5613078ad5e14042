"""Listens to the server's websocket through a helper of its own that keeps the task it spawns
in an attribute, which another module (the integration's unload) cancels: the call of the helper
is judged as the helper's spawn is, with what the project found ends it (the near miss of
unconfigured_helper_keeps_forever)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


class ForkedDaapdUpdater:
    def __init__(self, hass, host: str) -> None:
        self.hass = hass
        self.host = host
        self.websocket_handler: asyncio.Task[None] | None = None

    def start(self, coro: Coroutine[Any, Any, None]) -> None:
        self.websocket_handler = asyncio.create_task(coro)

    async def async_init(self) -> None:
        self.start(self._listen())

    async def _listen(self) -> None:
        while True:
            await asyncio.sleep(30)
