"""The near miss of unconfigured_helper_keeps_and_cleans: the helper keeps each task in a set
that nothing prunes or ends. It promises its callers nothing, so they get no row of their own;
the finding is the helper's spawn, with the set that only grows."""

import asyncio
from collections.abc import Coroutine
from typing import Any

_tasks: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> None:
    _tasks.add(asyncio.create_task(coro))
