"""An integration hands its work to the hub through an attribute typed in its class body: the
hub keeps and ends it, so the call is no row (the task is created in the hub's spawn, which is
the row). (This module spawns a task of its own too, so the first pass reads it.)"""

import asyncio

from hub.core import Hub


class Light:
    hub: Hub

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self._blink: asyncio.Task[None] | None = None

    def turn_on(self) -> None:
        self.hub.spawn(self._send(b"on"))

    def blink(self) -> None:
        if self._blink is None:
            self._blink = asyncio.create_task(self._send(b"blink"))

    def close(self) -> None:
        if self._blink is not None:
            self._blink.cancel()

    async def _send(self, payload: bytes) -> None:
        pass
