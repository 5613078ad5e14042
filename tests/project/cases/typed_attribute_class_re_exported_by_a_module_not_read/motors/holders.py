"""Two holders a motor hands its requests to: `TaskSet` keeps each in itself (a `set`, pruned
as each finishes); `Logged` only adds a callback, which keeps nothing (the loop holds a task
weakly)."""

import asyncio


class TaskSet(set):
    def add(self, task: asyncio.Task[None]) -> None:
        super().add(task)
        task.add_done_callback(self.discard)


class Logged:
    def add(self, task: asyncio.Task[None]) -> None:
        task.add_done_callback(print)
