"""A local that names the object's collection (`bucket = self._tasks`, or either of two
collections by a flag): a task put in it is in the object's collection, which stop() ends.
(The near miss, a local bound to a collection of its own, is the plain local collection of
collection-never-pruned.)"""

import asyncio
from collections.abc import Coroutine
from typing import Any


class Hub:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._background: set[asyncio.Task[Any]] = set()

    def add(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.create_task(coro)
        bucket = self._tasks
        bucket.add(task)
        task.add_done_callback(bucket.discard)

    def add_either(self, coro: Coroutine[Any, Any, Any], background: bool) -> None:
        task = asyncio.create_task(coro)
        bucket = self._background if background else self._tasks
        bucket.add(task)
        task.add_done_callback(bucket.discard)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._background:
            task.cancel()
