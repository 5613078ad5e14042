"""An event bus: a new subscriber is called at once with the last event, as a task the bus
keeps (through create_task) or, for a broadcast, one nothing keeps (through start)."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from robot.util import create_task, start


class EventBus:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._last: object = None

    def subscribe(self, callback: Callable[[object], Coroutine[Any, Any, None]]) -> None:
        create_task(self._tasks, callback(self._last))

    def broadcast(self, callback: Callable[[object], Coroutine[Any, Any, None]]) -> None:
        start(callback(self._last))

    async def teardown(self) -> None:
        for task in self._tasks:
            task.cancel()
