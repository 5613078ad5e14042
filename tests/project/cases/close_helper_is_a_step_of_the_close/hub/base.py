"""ampio-mqtt's client: the poller is ended in `_stop_poller()`, which `disconnect()` calls. A
subclass (hub/admin.py) adds `_cancel_jobs()`, close-like by its name, which its own
`disconnect()` calls between `_stop_poller()` and `super().disconnect()`: a step of that close,
not a way out of its own, so nothing skips the end (low). The near miss's subclass closes with a
`disconnect()` that calls only `_cancel_jobs()`: its objects close with the poller running
(TL201)."""

import asyncio
import contextlib


class HubClient:
    def __init__(self, every: float) -> None:
        self._every = every
        self._poller: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._stop_poller()
        self._poller = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self._every)

    async def disconnect(self) -> None:
        await self._stop_poller()

    async def _stop_poller(self) -> None:
        if self._poller is None:
            return
        self._poller.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._poller
        self._poller = None


class PanelClient:
    def __init__(self, every: float) -> None:
        self._every = every
        self._poller: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._stop_poller()
        self._poller = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self._every)

    async def disconnect(self) -> None:
        await self._stop_poller()

    async def _stop_poller(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            self._poller = None
