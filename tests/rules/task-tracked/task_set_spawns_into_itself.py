"""A `set` subclass that spawns into itself: `add_coro()` hands its task to `self.add()`, which
keeps it in the set itself and discards it when it is done. The collection is the object, and
every method of its class gets that object as `self`: pruned in add() (TL001). The near miss is
in collection-never-pruned: an `add` that never discards."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class TaskSet(set):  # type: ignore[type-arg]
    def add(self, task: "asyncio.Task[Any]") -> None:
        super().add(task)
        task.add_done_callback(self.discard)

    def add_coro(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.add(task)
