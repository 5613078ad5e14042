"""A service wraps a coroutine in a future it can cancel from on_stop(); on_start() stores it
and waits for it. A later call (the next attempt) finds the old one finished."""

import asyncio
from collections.abc import Awaitable


class FutureService:
    def __init__(self, coro: Awaitable[None]) -> None:
        self.coro = coro
        self._fut: asyncio.Future[None] | None = None

    async def start(self, attempts: int) -> None:
        for _ in range(attempts):
            await self.on_start()

    async def on_start(self) -> None:
        self._fut = asyncio.ensure_future(self.coro)
        await self._fut

    async def on_stop(self) -> None:
        if self._fut is not None:
            self._fut.cancel()
