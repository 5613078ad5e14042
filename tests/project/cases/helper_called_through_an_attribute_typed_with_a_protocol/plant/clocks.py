"""Two clocks implement the clock protocol: which one a coordinator holds is not known."""

import asyncio
from collections.abc import Coroutine
from typing import Any

from plant.interfaces.operations import ClockProtocol


class WallClock(ClockProtocol):
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def schedule(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


class FakeClock(ClockProtocol):
    def schedule(self, coro: Coroutine[Any, Any, None]) -> None:
        asyncio.create_task(coro)
