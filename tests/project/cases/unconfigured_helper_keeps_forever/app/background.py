"""The near miss of unconfigured_helper_keeps_and_cleans: the helper keeps each task in a set
that nothing prunes or ends. Its callers hand it the work, so each call is a row of its own,
graded as the helper's spawn is (medium, kept in the set), as a call of a helper that keeps and
ends its task is low and one of a helper that drops it is high."""

import asyncio
from collections.abc import Coroutine
from typing import Any

_tasks: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> None:
    _tasks.add(asyncio.create_task(coro))
