import asyncio
from typing import Set


class StreamRegistry:
    """Owns the per-stream tasks of a tunnel; cancels whatever is left on close."""

    def __init__(self) -> None:
        self._tasks: Set[asyncio.Task] = set()

    def adopt(self, task: asyncio.Task) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
