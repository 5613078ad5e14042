"""An accessory driver takes jobs from other threads: it hands its own task-returning method to
`call_soon_threadsafe`, which calls it back in the loop and ignores what it returns, so each job's
Task is dropped there. Near misses: a callback that returns no task, and a spawn function called
back (its own case, `spawn_function_called_back_later`), are no such drop."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


class Driver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def add_job(self, target: Callable[..., Coroutine[Any, Any, Any]], *args: Any) -> None:
        self.loop.call_soon_threadsafe(self.async_add_job, target, *args)

    def async_add_job(self, target: Callable[..., Coroutine[Any, Any, Any]],
                      *args: Any) -> asyncio.Task[Any]:
        task = self.loop.create_task(target(*args))
        return task

    def update_advertisement(self) -> None:
        self.loop.call_soon_threadsafe(self.log_update)

    def log_update(self) -> None:
        print("advertisement updated")
