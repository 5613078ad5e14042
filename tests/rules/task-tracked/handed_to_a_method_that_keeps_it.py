"""Near miss of task-discarded/handed_to_a_method_that_only_adds_a_callback.py: the method the
task is passed to keeps it (a set pruned when done), cancels it, or returns it; a function of
another module is not followed, and no claim is made about the task's end."""

import asyncio

from .registry import register


class Stream:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def _close(self) -> None:
        await asyncio.sleep(0)

    def _keep(self, task: asyncio.Task[None]) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _stop(self, task: asyncio.Task[None]) -> None:
        task.cancel()

    def close_kept(self) -> None:
        self._keep(asyncio.create_task(self._close()))

    async def close_stopped(self) -> None:
        await self._stop(asyncio.create_task(self._close()))

    def close_registered(self) -> None:
        register(asyncio.create_task(self._close()))

    def _named(self, task: asyncio.Task[None]) -> asyncio.Task[None]:
        task.set_name("close")
        return task

    def close_named(self) -> asyncio.Task[None]:
        return self._named(asyncio.create_task(self._close()))
