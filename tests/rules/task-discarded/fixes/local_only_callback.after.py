import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def work() -> None:
    await asyncio.sleep(0)


async def start(on_done) -> None:
    job = asyncio.create_task(work())
    _background_tasks.add(job)
    job.add_done_callback(_background_tasks.discard)
    job.add_done_callback(on_done)
    job.set_name("work")
