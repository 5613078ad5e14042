"""anyio's own modules import the task group factory relatively, by its name. A class of the
module is a task group by what it does, never by its name: its `create_task` keeps the task it
spawns in a set its exit waits on (that spawn's row says so); `self.create_task(func())` is a
call of it, no spawn of its own. The near miss: a job queue's `create_task` that makes no task."""

import asyncio

from ._tasks import TaskGroup, create_task_group


async def run_all(coros: list) -> None:
    async with create_task_group() as group:
        for coro in coros:
            group.start_soon(coro)


async def serve(handler, task_group: TaskGroup) -> None:
    task_group.start_soon(handler)


class BackendTaskGroup:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def __aexit__(self, *exc: object) -> None:
        while self._tasks:
            await asyncio.wait(self._tasks)

    def start_soon(self, func) -> None:
        self.create_task(func())

    def create_task(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


class JobQueue:
    def submit(self, func) -> None:
        # a queue's own create_task is not a task group's
        self.create_task(func())

    def create_task(self, coro) -> None:
        ...


async def middleware(app) -> None:
    from starlette._utils import create_collapsing_task_group

    async with create_collapsing_task_group() as outer:
        outer.start_soon(app)
