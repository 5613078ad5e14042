"""`asyncio.ensure_future(task)` of a name bound only to a task spawned here returns that very
task: no second task, and the done-callback it adds is the first task's. So in a method that is
itself named `run` and spawns through `context.run(loop.create_task, ...)`. The near miss: the
same call given a parameter, which may be a coroutine, spawns a task it drops."""

import asyncio
import contextvars
from collections.abc import Coroutine
from typing import Any

_REFS: set[asyncio.Task[None]] = set()


def run(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    loop = asyncio.get_running_loop()
    task = loop.create_task(coro)
    _REFS.add(task)
    asyncio.ensure_future(task).add_done_callback(lambda _: _REFS.remove(task))
    return task


class Call:
    def __init__(self) -> None:
        self.context = contextvars.copy_context()

    def run(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        loop = asyncio.get_running_loop()
        task = self.context.run(loop.create_task, self._run_async(coro))
        _REFS.add(task)
        asyncio.ensure_future(task).add_done_callback(lambda _: _REFS.remove(task))
        return task

    async def _run_async(self, coro: Coroutine[Any, Any, None]) -> None:
        await coro


def schedule(work: Coroutine[Any, Any, None]) -> None:
    asyncio.ensure_future(work).add_done_callback(lambda _: None)
