"""A pool hands each job to a helper of its own that keeps the task in an attribute nothing ever
awaits or cancels: the helper's spawn is TL201, and so is each call that hands it work, with
where the helper keeps it (the rubric grades a helper's call by what the helper does)."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class Pool:
    def __init__(self) -> None:
        self._current: asyncio.Task[Any] | None = None

    def spawn_kept(self, coro: Coroutine[Any, Any, Any]) -> None:
        self._current = asyncio.create_task(coro)

    async def work(self, job: str) -> None:
        await asyncio.sleep(0)

    def on_message(self, job: str) -> None:
        self.spawn_kept(self.work(job))
