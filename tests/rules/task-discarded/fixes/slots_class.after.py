import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


class Counter:
    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0

    async def _bump(self) -> None:
        self.count += 1

    def handle_event(self) -> None:
        task = asyncio.create_task(self._bump())
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)
