"""Near miss of task-tracked/raced_and_waited_by_its_owner.py: the only wait is the race on close,
whose deadline leaves the task running, and no method waits for it or cancels it after. It
ends by itself (a sleep): left to finish by itself at the timeout, low (RUBRIC convention 4)."""

import asyncio


class Supervisor:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._supervise())

    async def _supervise(self) -> None:
        await asyncio.sleep(3600)

    async def aclose(self) -> None:
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=5)
            except asyncio.TimeoutError:
                pass
