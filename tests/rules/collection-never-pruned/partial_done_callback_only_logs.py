"""The near miss of task-tracked/pruned_by_a_partial_done_callback.py: the partial's function
only logs how many tasks the set holds, so the set keeps every task it was given."""

import asyncio
import logging
from collections.abc import Coroutine
from functools import partial
from typing import Any


def log_background_task(tasks: set[asyncio.Task[None]], task: asyncio.Task[Any]) -> None:
    logging.debug("%d background tasks, %s done", len(tasks), task.get_name())


class Stream:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task[None]] = set()

    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(partial(log_background_task, self._background_tasks))
