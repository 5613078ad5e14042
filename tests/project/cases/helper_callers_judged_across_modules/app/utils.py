"""The project's own spawn helper: it logs a task's error, and returns the task to the caller,
who owns it. Each call in another module is judged there, by what the caller does with it."""

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

_LOG = logging.getLogger(__name__)


def _log_error(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        _LOG.error("background task failed", exc_info=task.exception())


def create_task_logged(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    task = asyncio.create_task(coro)
    task.add_done_callback(_log_error)
    return task


async def create_task_later(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    """A coroutine function: its call gives a coroutine, and awaiting that gives the task,
    judged where the `await` puts it."""
    await asyncio.sleep(0)
    return asyncio.create_task(coro)
