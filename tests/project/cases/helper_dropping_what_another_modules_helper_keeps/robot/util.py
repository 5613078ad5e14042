"""Task helpers: one keeps the task in the set it is given until it is done, one only starts it."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def create_task(tasks: set[asyncio.Task[Any]], target: Coroutine[Any, Any, None]
                ) -> asyncio.Task[None]:
    task = asyncio.create_task(target)
    tasks.add(task)
    task.add_done_callback(tasks.discard)
    return task


def start(target: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return asyncio.create_task(target)
