"""A stream's background tasks, each pruned by a done-callback from another module; the
monitor's are only logged."""

import asyncio
from collections.abc import Coroutine
from functools import partial
from typing import Any

from agents.context import drop_background_task, log_background_task


class MemoryStream:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task[None]] = set()
        self._monitored: set[asyncio.Task[None]] = set()

    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(partial(drop_background_task, self._background_tasks))

    def monitor(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._monitored.add(task)
        task.add_done_callback(partial(log_background_task, self._monitored))
