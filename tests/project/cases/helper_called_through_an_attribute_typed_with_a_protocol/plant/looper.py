"""The one task scheduler: keeps its tasks until they are done and cancels them on stop."""

import asyncio
from collections.abc import Coroutine
from typing import Any

from plant.interfaces.operations import TaskSchedulerProtocol


class Looper(TaskSchedulerProtocol):
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def create_task(self, *, target: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.get_running_loop().create_task(target, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
