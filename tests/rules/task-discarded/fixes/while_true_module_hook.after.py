import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


_latest: dict[str, float] = {}


async def _refresh_prices() -> None:
    while True:
        await asyncio.sleep(60)
        _latest["EUR"] = 1.0


async def setup() -> None:
    _keep_task(asyncio.create_task(_refresh_prices()))


async def on_message(text: str) -> None:
    _keep_task(asyncio.create_task(asyncio.sleep(0)))


async def disconnect(client: str) -> None:
    """One client leaves: not the module's shutdown."""


async def shutdown() -> None:
    _latest.clear()
