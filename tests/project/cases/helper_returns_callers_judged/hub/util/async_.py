"""Start a task eagerly: its first step runs before this returns."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def create_eager_task(coro: Coroutine[Any, Any, Any], *, name: str | None = None,
                      loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Task[Any]:
    loop = loop or asyncio.get_running_loop()
    return asyncio.Task(coro, loop=loop, name=name, eager_start=True)
