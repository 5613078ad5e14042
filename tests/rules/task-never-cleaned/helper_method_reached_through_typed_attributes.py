"""A project's task manager keeps each task in a set that a done-callback prunes, and returns
it: pruning forgets a finished task and ends none, so what ends the task is the caller's job.
The connection reaches the manager through two typed attributes (its client's `_tasks`), keeps
the report loop it gets back and never ends it: kept, with no shutdown path, at the call. The
store into `self._watch` has no end either. (The near misses: task-tracked's
`helper_method_near_misses`.)"""

import asyncio
from collections.abc import Coroutine
from typing import Any


class TaskManager:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def _completed(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)

    def create(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._completed)
        return task


class Client:
    def __init__(self) -> None:
        self._tasks: TaskManager = TaskManager()


class Connection:
    def __init__(self, client: Client) -> None:
        self._client: Client = client
        self._reports: asyncio.Task[None] | None = None
        self._watch: asyncio.Task[None] | None = None

    async def _loop_reports(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def connect(self) -> None:
        self._reports = self._client._tasks.create(self._loop_reports())

    def watch(self, manager: TaskManager) -> None:
        self._watch = manager.create(self._loop_reports())
