"""The near miss of task-tracked's task_set_spawns_into_itself: the `set` subclass keeps what
`add_coro()` spawns in itself, but no method of the class removes, awaits or cancels its tasks:
the set only grows (TL202)."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class TaskSet(set):  # type: ignore[type-arg]
    def add(self, task: "asyncio.Task[Any]") -> None:
        super().add(task)

    def add_coro(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.add(task)
