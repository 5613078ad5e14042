import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def work() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    task = asyncio.create_task(work())
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
