"""The near miss of task-tracked/pruned_by_a_partial_done_callback.py: this module's own
`partial` only logs what it is given and calls nothing, so the set keeps every task."""

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any


def partial(func: Callable[..., None], tasks: set[asyncio.Task[None]]) -> Callable[..., None]:
    logging.debug("callback %s over %d tasks", func, len(tasks))
    return logging.debug


def drop_background_task(tasks: set[asyncio.Task[None]], task: asyncio.Task[Any]) -> None:
    tasks.discard(task)


class Stream:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task[None]] = set()

    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(partial(drop_background_task, self._background_tasks))
