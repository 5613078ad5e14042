import asyncio
from typing import Any


class Feed:
    def __init__(self) -> None:
        self._items: list[str] = []
        self._background_tasks: set[asyncio.Task[Any]] = set()

    async def start(self) -> None:
        task = asyncio.create_task(self._poll())
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(5)
            self._items.append("tick")

    async def close(self) -> None:
        self._items.clear()
