"""Spawn a task that logs its own errors; the mixin keeps it until it is done."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

LOGGER = logging.getLogger(__name__)


class CatchingTaskMixin:
    _tasks: set[asyncio.Task[Any]] = set()

    def create_catching_task(self, target: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(self.catching_coro(target))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.remove)
        return task

    async def catching_coro(self, target: Coroutine[Any, Any, None]) -> None:
        try:
            await target
        except Exception:
            LOGGER.exception("background task failed")
