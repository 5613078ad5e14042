import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def work() -> None:
    await asyncio.sleep(0)


async def start() -> None:
    task = asyncio.create_task(work())
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    task_2 = asyncio.create_task(work())
    _background_tasks.add(task_2)
    task_2.add_done_callback(_background_tasks.discard)
    pending: asyncio.Task[None] = asyncio.create_task(work())
    _background_tasks.add(pending)
    pending.add_done_callback(_background_tasks.discard)
