"""Near miss of collection-never-pruned/each_worker_prunes_its_own_task_on_success: each
method's worker removes its own task from the shared set in a `finally`, so a worker that fails
or is cancelled leaves the set too. Each removal is the end of its own method's task (its `task`
holds that spawn), and of no other."""

import asyncio
from typing import Any


class Subject:
    def __init__(self) -> None:
        self._running: set[asyncio.Task[Any]] = set()

    async def asend(self, value: int) -> None:
        await asyncio.sleep(0)

    async def asend_later(self, delay: float, value: int) -> None:
        task: asyncio.Task[Any] | None = None

        async def worker() -> None:
            try:
                await asyncio.sleep(delay)
                await self.asend(value)
            finally:
                if task:
                    self._running.discard(task)

        task = asyncio.ensure_future(worker())
        self._running.add(task)

    async def aclose_later(self, delay: float) -> None:
        task: asyncio.Task[Any] | None = None

        async def worker() -> None:
            try:
                await asyncio.sleep(delay)
            finally:
                if task:
                    self._running.discard(task)

        task = asyncio.ensure_future(worker())
        self._running.add(task)
