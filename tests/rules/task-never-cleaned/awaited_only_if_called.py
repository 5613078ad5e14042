"""The near miss of task-tracked/awaited_through_its_own_await: the object awaits itself only
in `__call__`, which may never run, so its task is awaited only if a caller awaits or calls it,
and nothing cancels it."""

import asyncio
from collections.abc import Coroutine, Generator
from typing import Any


class Pending:
    def __init__(self, work: Coroutine[Any, Any, None]) -> None:
        self._task = asyncio.ensure_future(work)

    def __await__(self) -> Generator[Any, None, None]:
        return self._task.__await__()

    async def __call__(self) -> None:
        await self
