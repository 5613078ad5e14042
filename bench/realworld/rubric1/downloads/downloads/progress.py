from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


class ProgressReporter:
    def __init__(self, snapshot: Callable[[], dict[str, int]], every: float = 1.0) -> None:
        self._snapshot = snapshot
        self._every = every
        self._ticker: asyncio.Task[None] | None = None

    def attach(self) -> None:
        self._ticker = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            for url, done in self._snapshot().items():
                log.info("%s: %d bytes", url, done)

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
