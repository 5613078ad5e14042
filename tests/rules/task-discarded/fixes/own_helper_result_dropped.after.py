"""A module's own spawn helpers, called in the module: a dropped result is a dropped task,
through one helper or two (`spawn_later` returns what `spawn` returns)."""

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


def spawn(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return asyncio.create_task(coro)


def spawn_later(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return spawn(coro)


async def notify(user: str) -> None:
    await asyncio.sleep(0)


async def on_message(user: str) -> None:
    _keep_task(spawn(notify(user)))
    _keep_task(spawn_later(notify(user)))
    task = spawn_later(notify(user))
    await task
