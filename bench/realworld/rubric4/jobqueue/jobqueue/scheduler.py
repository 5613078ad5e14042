import asyncio
import itertools
import logging
from typing import Deque, Dict, Optional
from collections import deque

from .jobs import Job, run_guarded, run_tracked

log = logging.getLogger(__name__)


class JobScheduler:
    def __init__(self, tick: float = 0.5) -> None:
        self.tick = tick
        self._queue: Deque[Job] = deque()
        self._priority: Deque[Job] = deque()
        self._running: Dict[str, asyncio.Task] = {}
        self._urgent: Dict[str, asyncio.Task] = {}
        self._ids = itertools.count()
        self._ticker: Optional[asyncio.Task] = None
        self._stats_task: Optional[asyncio.Task] = None

    def submit(self, job: Job, urgent: bool = False) -> None:
        (self._priority if urgent else self._queue).append(job)

    def start(self) -> None:
        self._ticker = asyncio.create_task(self._tick_loop())

    def enable_stats(self) -> None:
        if self._stats_task is None:
            self._stats_task = asyncio.create_task(self._log_stats())

    async def _log_stats(self) -> None:
        while True:
            await asyncio.sleep(60)
            log.info("running=%d queued=%d", len(self._running), len(self._queue))

    async def _tick_loop(self) -> None:
        while True:
            while self._priority:
                job = self._priority.popleft()
                key = f"{job.job_id}#{next(self._ids)}"
                self._urgent[key] = asyncio.create_task(run_guarded(Job(key, job.func, job.kwargs), self._urgent))
            while self._queue:
                job = self._queue.popleft()
                key = f"{job.job_id}#{next(self._ids)}"
                task = asyncio.create_task(run_tracked(Job(key, job.func, job.kwargs), self._running))
                self._running[key] = task
                task.add_done_callback(self._log_failure)
            await asyncio.sleep(self.tick)

    def _log_failure(self, task: asyncio.Task) -> None:
        if not task.cancelled() and task.exception() is not None:
            asyncio.create_task(self._alert(repr(task.exception())))

    async def _alert(self, text: str) -> None:
        log.error("job failed: %s", text)

    async def shutdown(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
        tasks = list(self._running.values()) + list(self._urgent.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
