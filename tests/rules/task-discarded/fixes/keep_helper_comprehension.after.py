"""Fan out one send per client."""

from __future__ import annotations

import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Future[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Future[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def send(client: str, text: str) -> None:
    await asyncio.sleep(0)


async def broadcast(clients: list[str], text: str) -> None:
    [_keep_task(asyncio.create_task(send(c, text))) for c in clients]
    {_keep_task(asyncio.ensure_future(send(c, text))) for c in clients if c}
