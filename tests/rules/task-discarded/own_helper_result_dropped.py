"""A module's own spawn helpers, called in the module: a dropped result is a dropped task,
through one helper or two (`spawn_later` returns what `spawn` returns)."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def spawn(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return asyncio.create_task(coro)


def spawn_later(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return spawn(coro)


async def notify(user: str) -> None:
    await asyncio.sleep(0)


async def on_message(user: str) -> None:
    spawn(notify(user))
    spawn_later(notify(user))
    task = spawn_later(notify(user))
    await task
