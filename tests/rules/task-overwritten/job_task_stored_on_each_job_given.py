"""A task manager starts each job it is given and stores the job's task on the job itself
(`job.task`), also handing it to its task list, which `close()` cancels. `start()` pops each
pending job and starts it, and `start_all()` starts each job of a list: every call stores on
another job, so no store overwrites a task an earlier call stored there (low). The near miss:
`Restarter.restart_current()` starts the same job (`self._current`) on each turn of its
loop, over the task it stored on it the turn before (medium)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterator


class Job:
    def __init__(self, handler: Callable[[], Awaitable[None]]) -> None:
        self.handler = handler
        self.task: asyncio.Task[None] | None = None


class TaskList:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def add(self, task: asyncio.Task[None]) -> None:
        self._tasks.add(task)

    def remove(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)

    def __iter__(self) -> Iterator[asyncio.Task[None]]:
        return iter(list(self._tasks))


class Manager:
    def __init__(self, current: Job) -> None:
        self._pending: list[Job] = []
        self._task_list = TaskList()
        self._current = current

    def _start(self, job: Job) -> None:
        job.task = asyncio.create_task(job.handler())
        self._task_list.add(job.task)
        job.task.add_done_callback(self._task_list.remove)

    def start(self) -> None:
        while self._pending:
            self._start(self._pending.pop())

    def start_all(self, jobs: list[Job]) -> None:
        for job in jobs:
            self._start(job)

    def remove(self, job: Job) -> None:
        if job.task is not None and not job.task.done():
            job.task.cancel()

    async def close(self) -> None:
        for task in self._task_list:
            task.cancel()


class Restarter:
    def __init__(self, current: Job) -> None:
        self._task_list = TaskList()
        self._current = current

    def _start(self, job: Job) -> None:
        job.task = asyncio.create_task(job.handler())
        self._task_list.add(job.task)
        job.task.add_done_callback(self._task_list.remove)

    async def restart_current(self) -> None:
        for _ in range(3):
            self._start(self._current)
            await asyncio.sleep(1)

    def remove(self, job: Job) -> None:
        if job.task is not None and not job.task.done():
            job.task.cancel()

    async def close(self) -> None:
        for task in self._task_list:
            task.cancel()
