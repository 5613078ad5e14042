import asyncio
import logging
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()

LOG = logging.getLogger(__name__)


def log_result(task: asyncio.Task[None]) -> None:
    LOG.info("done: %s", task)


async def refresh() -> None:
    await asyncio.sleep(0)


async def on_event() -> None:
    task = asyncio.create_task(refresh())
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    task.add_done_callback(log_result)
