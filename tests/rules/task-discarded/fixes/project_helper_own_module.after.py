"""app/tasks.py: the helper's own module."""

import asyncio
from typing import Any

_tasks: set[asyncio.Task[Any]] = set()


def keep(task: asyncio.Task[Any]) -> asyncio.Task[Any]:
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


async def flush() -> None:
    await asyncio.sleep(0)


def schedule_flush() -> None:
    keep(asyncio.create_task(flush()))
