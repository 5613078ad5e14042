"""A spawn helper of the project: it keeps each task in a set only until it is done (a
done-callback prunes it) and returns it. Pruning forgets a finished task; it ends none."""

import asyncio
from collections.abc import Coroutine
from typing import Any

_tasks: set[asyncio.Task[Any]] = set()


def create(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task
