"""A test subject schedules sends and closes: each method spawns a worker that removes its own
task from the shared set at the end of its body, not in a `finally`. Each removal reads the
method's own `task` variable, which only ever holds that method's spawn (or `None`), so it is no
prune of the other methods' tasks: a worker that fails or is cancelled stays in the set. The
last method binds `task` in the callback without `nonlocal`, so its worker's `task` is always
`None` and nothing ever removes its task: that set only grows."""

import asyncio
from typing import Any


class Subject:
    def __init__(self) -> None:
        self._loop = asyncio.get_event_loop()
        self._running: set[asyncio.Task[Any]] = set()

    async def asend(self, value: int) -> None:
        await asyncio.sleep(0)

    async def aclose(self) -> None:
        await asyncio.sleep(0)

    async def asend_later(self, delay: float, value: int) -> None:
        task: asyncio.Task[Any] | None = None

        async def worker() -> None:
            await asyncio.sleep(delay)
            await self.asend(value)
            if task:
                self._running.remove(task)

        task = asyncio.ensure_future(worker())
        self._running.add(task)

    async def asend_at(self, when: float, value: int) -> None:
        task: asyncio.Task[Any] | None = None

        async def worker() -> None:
            await self.asend(value)
            if task:
                self._running.remove(task)

        def callback() -> None:
            nonlocal task
            task = asyncio.ensure_future(worker())
            self._running.add(task)

        self._loop.call_at(when, callback)

    async def aclose_at(self, when: float) -> None:
        task: asyncio.Task[Any] | None = None

        async def worker() -> None:
            await self.aclose()
            if task:
                self._running.remove(task)

        def callback() -> None:
            task = asyncio.ensure_future(worker())
            self._running.add(task)

        self._loop.call_at(when, callback)
