import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def work() -> None:
    await asyncio.sleep(0)


async def other() -> None:
    kept = asyncio.create_task(work())  # noqa: E501 the name documents it
    _background_tasks.add(kept)
    kept.add_done_callback(_background_tasks.discard)
