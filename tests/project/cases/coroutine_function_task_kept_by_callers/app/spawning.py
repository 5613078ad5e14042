"""Coroutine functions that return the task they spawn (one through a plain helper): awaiting
their call gives the task. The near miss spawns and returns something else: no helper."""

import asyncio
from collections.abc import Coroutine
from typing import Any


async def spawn(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return spawn_now(coro)


def spawn_now(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    task = asyncio.get_running_loop().create_task(coro)
    return task


async def start(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    await asyncio.sleep(0)
    return asyncio.create_task(coro)


async def start_and_forget(coro: Coroutine[Any, Any, None]) -> bool:
    asyncio.create_task(coro)
    return True
