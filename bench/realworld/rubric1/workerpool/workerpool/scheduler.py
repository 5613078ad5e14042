from __future__ import annotations

import asyncio
import time
from typing import Any

from .worker import Handler, Worker


class Scheduler:
    def __init__(self) -> None:
        self.queues: dict[str, asyncio.Queue[Any]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._reaper: asyncio.Task[None] | None = None
        self.started = time.monotonic()

    def start(self) -> None:
        self._reaper = asyncio.create_task(self._reap_idle())

    def add_worker(self, name: str, handler: Handler) -> None:
        queue = self.queues.setdefault(name, asyncio.Queue())
        self._workers[name] = asyncio.create_task(Worker(name, queue, handler).run())

    async def _reap_idle(self) -> None:
        while True:
            await asyncio.sleep(60)
            for name, queue in list(self.queues.items()):
                if queue.empty() and name not in self._workers:
                    del self.queues[name]

    async def shutdown(self) -> None:
        tasks = list(self._workers.values())
        if self._reaper is not None:
            tasks.append(self._reaper)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._workers.clear()
