from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

Handler = Callable[[Any], Awaitable[None]]


class Worker:
    """Consumes one named queue forever."""

    def __init__(self, name: str, queue: asyncio.Queue[Any], handler: Handler) -> None:
        self.name = name
        self.queue = queue
        self.handler = handler
        self.processed = 0

    async def run(self) -> None:
        while True:
            job = await self.queue.get()
            try:
                await self.handler(job)
            except Exception:
                log.exception("worker %s: job failed", self.name)
            finally:
                self.queue.task_done()
                self.processed += 1
