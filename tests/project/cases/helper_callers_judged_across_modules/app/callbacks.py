"""A helper that runs a callback, spawning it when it is a coroutine function, and keeps
nothing: each call, in any module, loses the task it spawns."""

import asyncio
import inspect
from collections.abc import Callable
from typing import Any


def run_callback(func: Callable[..., Any], *args: Any) -> None:
    if inspect.iscoroutinefunction(func):
        asyncio.ensure_future(func(*args))
    else:
        func(*args)
