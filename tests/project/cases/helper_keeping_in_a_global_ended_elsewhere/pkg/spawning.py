"""Helpers keeping their tasks in another module's sets, pruned once done: `spawn_tracked`'s
are also cancelled by `stop.shutdown()`; nothing else ends `spawn`'s."""

import asyncio
from collections.abc import Coroutine
from typing import Any

from pkg.state import running, tracked


def spawn_tracked(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    tracked.add(task)
    task.add_done_callback(tracked.discard)
    return task


def spawn(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    running.add(task)
    task.add_done_callback(running.discard)
    return task
