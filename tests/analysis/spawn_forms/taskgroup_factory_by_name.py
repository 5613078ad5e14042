"""anyio's own modules import the task group factory relatively, by its name."""

from ._tasks import TaskGroup, create_task_group


async def run_all(coros: list) -> None:
    async with create_task_group() as group:
        for coro in coros:
            group.start_soon(coro)


async def serve(handler, task_group: TaskGroup) -> None:
    task_group.start_soon(handler)


class BackendTaskGroup:
    def start_soon(self, func) -> None:
        self.create_task(func())

    def create_task(self, coro) -> None:
        ...


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
