"""Keep background tasks until they are done (written by `taskleak fix`).

The event loop holds only a weak reference to a task: one that nobody else holds can be
destroyed by the garbage collector before it is done. Each loop's tasks are kept apart
and let go once that loop is closed, so a test suite that makes a loop per test keeps
none of them for the life of the process.
"""

from __future__ import annotations

import asyncio
from typing import Any, TypeVar

_background_tasks: dict[asyncio.AbstractEventLoop, set[asyncio.Future[Any]]] = {}
_TaskT = TypeVar("_TaskT", bound="asyncio.Future[Any]")


def keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done, and return it."""
    for loop in list(_background_tasks):
        if loop.is_closed():
            _background_tasks.pop(loop, None)
    kept = _background_tasks.setdefault(task.get_loop(), set())
    kept.add(task)
    task.add_done_callback(kept.discard)
    return task
