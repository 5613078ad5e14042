import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()

_latest: dict[str, float] = {}


async def _refresh_prices() -> None:
    while True:
        await asyncio.sleep(60)
        _latest["EUR"] = 1.0


async def setup() -> None:
    asyncio.create_task(_refresh_prices())


async def on_message(text: str) -> None:
    task = asyncio.create_task(asyncio.sleep(0))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)


async def disconnect(client: str) -> None:
    """One client leaves: not the module's shutdown."""


async def shutdown() -> None:
    _latest.clear()
