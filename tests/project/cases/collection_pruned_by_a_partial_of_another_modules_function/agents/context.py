"""Done-callbacks for background tasks: one drops the task from the set it is given, one only
logs."""

import asyncio
import logging
from typing import Any


def drop_background_task(tasks: set[asyncio.Task[None]], task: asyncio.Task[Any]) -> None:
    tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logging.error("background task failed", exc_info=task.exception())


def log_background_task(tasks: set[asyncio.Task[None]], task: asyncio.Task[Any]) -> None:
    logging.debug("%d background tasks, %s done", len(tasks), task.get_name())
