"""A function returns the periodic task it spawns and keeps nothing: each caller that drops
the task is a row. `_ = every(...)` binds it to the name that says it is never read, as a bare
call does (RUF006's `_ = create_task(...)`, one call away): high, the same through a method
(`_ = scheduler.every(...)`). Near miss: a caller that keeps
the task and cancels it on stop."""

import asyncio
from collections.abc import Awaitable, Callable


def every(seconds: float, job: Callable[[], Awaitable[None]]) -> "asyncio.Task[None]":
    return asyncio.create_task(_periodic(seconds, job))


async def _periodic(seconds: float, job: Callable[[], Awaitable[None]]) -> None:
    while True:
        await asyncio.sleep(seconds)
        await job()


async def vacuum() -> None:
    await asyncio.sleep(0)


def install() -> None:
    _ = every(3600, vacuum)


class Scheduler:
    def every(self, seconds: float, job: Callable[[], Awaitable[None]]) -> "asyncio.Task[None]":
        return asyncio.create_task(_periodic(seconds, job))


def install_on(scheduler: Scheduler) -> None:
    _ = scheduler.every(60, vacuum)


class Maintenance:
    def __init__(self) -> None:
        self._jobs: list[asyncio.Task[None]] = []

    def start(self) -> None:
        self._jobs.append(every(60, vacuum))

    async def stop(self) -> None:
        for job in self._jobs:
            job.cancel()
        self._jobs.clear()
