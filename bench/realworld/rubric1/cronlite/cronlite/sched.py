from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


class Cron:
    def __init__(self, jitter: float = 0.0) -> None:
        self.jitter = jitter

    def every(self, seconds: float, job: Job) -> asyncio.Task[None]:
        """Run `job` every `seconds` until the returned task is cancelled."""
        return asyncio.create_task(self._run_periodic(seconds, job), name=f"cron:{job.__name__}")

    async def _run_periodic(self, seconds: float, job: Job) -> None:
        while True:
            await asyncio.sleep(seconds + self.jitter)
            try:
                await job()
            except Exception:
                log.exception("cron job %s failed", job.__name__)
