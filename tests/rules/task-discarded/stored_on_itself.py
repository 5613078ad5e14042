"""A task stored on an attribute of itself (`task._ref = task`) holds only itself: a cycle keeps
nothing alive, so the task is dropped with the local. The near miss stores it on an object that
outlives the function, which keeps it (and nothing ends it there)."""

import asyncio


async def work() -> None:
    await asyncio.sleep(1)


def start() -> None:
    task = asyncio.create_task(work())
    task._ref = task  # type: ignore[attr-defined]


class Runner:
    def start(self) -> None:
        task = asyncio.create_task(work())
        self._ref = task
