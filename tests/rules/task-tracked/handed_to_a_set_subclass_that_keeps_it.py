"""A task handed to the `add` of a `set` subclass, which keeps it in itself with
`super().add(task)` and discards it when it is done: kept (TL001). The near miss: the same
`add` on a `WeakSet` subclass holds it only weakly, and the loop does too, so the task is
dropped there (TL101)."""

import asyncio
from weakref import WeakSet


class TaskSet(set):  # type: ignore[type-arg]
    def add(self, task: "asyncio.Task[None]") -> None:
        super().add(task)
        task.add_done_callback(self.discard)


class WeakTasks(WeakSet):  # type: ignore[type-arg]
    def add(self, task: "asyncio.Task[None]") -> None:
        super().add(task)
        task.add_done_callback(self.discard)


async def move(position: int) -> None:
    await asyncio.sleep(position)


class Motor:
    def __init__(self) -> None:
        self.tasks = TaskSet()
        self.weak = WeakTasks()

    def home(self) -> None:
        self.tasks.add(asyncio.get_running_loop().create_task(move(0)))

    def park(self) -> None:
        self.weak.add(asyncio.get_running_loop().create_task(move(1)))
