"""The project's own `start(coro)`: it hands back the task, so its callers judge it. Its name
is also a task group's spawn method (`nursery.start`), which must not hide the call."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def start(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return asyncio.create_task(coro)
