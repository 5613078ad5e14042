"""A device driver takes jobs from other threads: `spawn_job` hands each to its own
task-returning method through `call_soon_threadsafe`, which drops what it calls back, so every
call of `spawn_job` loses its task, once per button press. Near miss: `spawn_tracked_job` calls
back a method that keeps its task in a set pruned when done, so its callers' tasks are kept."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

Job = Callable[..., Coroutine[Any, Any, Any]]


class Driver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.jobs: set[asyncio.Task[Any]] = set()

    def spawn_job(self, target: Job, *args: Any) -> None:
        self.loop.call_soon_threadsafe(self.async_spawn_job, target, *args)

    def async_spawn_job(self, target: Job, *args: Any) -> asyncio.Task[Any]:
        return self.loop.create_task(target(*args))

    def spawn_tracked_job(self, target: Job, *args: Any) -> None:
        self.loop.call_soon_threadsafe(self.async_spawn_tracked_job, target, *args)

    def async_spawn_tracked_job(self, target: Job, *args: Any) -> None:
        task = self.loop.create_task(target(*args))
        self.jobs.add(task)
        task.add_done_callback(self.jobs.discard)

    def on_button(self, pressed: bool) -> None:
        self.spawn_job(self.blink, pressed)
        self.spawn_tracked_job(self.blink, pressed)

    async def blink(self, on: bool) -> None:
        await asyncio.sleep(0.1 if on else 0.2)
