"""The near miss of task-never-cleaned's `handed_to_a_constructor_that_keeps_it`: the waiter
that keeps the task (`self._awaitable = awaitable`) is returned to the caller at once, and
awaiting the waiter awaits the task (aiohttp's connector `close()`). The object, and the task
with it, is handed on: what the callers do with it decides, and the hand-off is not followed
(low), not "never awaited or cancelled"."""

import asyncio
from collections.abc import Awaitable, Generator
from typing import Any


class Waiter:
    def __init__(self, awaitable: Awaitable[Any]) -> None:
        self._awaitable = awaitable

    def __await__(self) -> Generator[Any, None, Any]:
        return self._awaitable.__await__()


class Connector:
    async def _close_all(self) -> None:
        await asyncio.sleep(0)

    def close(self) -> Waiter:
        task = asyncio.get_running_loop().create_task(self._close_all())
        return Waiter(task)
