"""A mixin's spawn helper method: it keeps each task until it is done and cancels what is
left on shutdown."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class AsyncUtilMixin:
    def __init__(self) -> None:
        self._tracked: set[asyncio.Task[Any]] = set()

    def async_create_task(self, target: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(target)
        self._tracked.add(task)
        task.add_done_callback(self._tracked.discard)
        return task

    async def shutdown(self) -> None:
        for task in list(self._tracked):
            task.cancel()
