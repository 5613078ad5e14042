"""The near misses of task-never-cleaned/helper_method_reached_through_typed_attributes: the
caller that keeps what the manager's `create()` returns and cancels it on close ends it (a row
at the call, low); a caller that drops it loses nothing (the manager keeps it until it is done:
its own spawn is the row); a `create()` on an attribute nothing types (made by a factory
function) and one of a class whose `create()` spawns nothing are no spawns: nothing is decided
by a method's name."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class TaskManager:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def create(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task


class Record:
    def create(self, coroutine: Coroutine[Any, Any, None]) -> Coroutine[Any, Any, None]:
        return coroutine


def make_manager() -> Any:
    return TaskManager()


class Connection:
    def __init__(self) -> None:
        self._tasks = TaskManager()
        self._records = Record()
        self._made = make_manager()
        self._reports: asyncio.Task[None] | None = None
        self._record: Coroutine[Any, Any, None] | None = None
        self._other: Any = None

    async def _loop_reports(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def connect(self) -> None:
        self._reports = self._tasks.create(self._loop_reports())
        self._tasks.create(self._loop_reports())
        self._record = self._records.create(self._loop_reports())
        self._other = self._made.create(self._loop_reports())

    async def close(self) -> None:
        if self._reports is not None:
            self._reports.cancel()
