"""Background work of a stream: each task goes into a set, and its done-callback, a partial of
a function given that set, discards it when it is done."""

import asyncio
from collections.abc import Coroutine
from functools import partial
from typing import Any


def drop_background_task(tasks: set[asyncio.Task[None]], task: asyncio.Task[Any]) -> None:
    tasks.discard(task)


class Stream:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task[None]] = set()

    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(partial(drop_background_task, self._background_tasks))
