"""The watchdog waits for the socket to close, retries the socket's own `connect()` in a loop
until it is ready, then calls this link's connect(), which stores the next watchdog, and returns
right after: the task replaced is the one about to finish (TL001). Only a call the module
resolves to the spawning method asks for the successor; the socket's `connect()`, a method of
another object with the same name, asks for nothing, however often the loop calls it. The near
miss is heartbeat_that_reconnects_goes_on.py, whose loop goes on after asking (TL103)."""

import asyncio
from typing import Any


class RetryingLink:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._watchdog: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._ws.connect()
        self._watchdog = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        await self._ws.wait_closed()
        while not self._ws.ready:
            await asyncio.sleep(1)
            await self._ws.connect()
        await self.connect()

    async def disconnect(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
