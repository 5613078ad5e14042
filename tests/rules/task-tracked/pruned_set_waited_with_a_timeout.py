"""A set pruned by a done-callback keeps each task until it is done; `stop()` waits for them
with a timeout and gives up. The set's ownership stands: the timed wait does not make the tasks
"left running"."""

import asyncio


class Pool:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def submit(self) -> None:
        task = asyncio.create_task(self._job())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _job(self) -> None:
        await asyncio.sleep(1)

    async def stop(self) -> None:
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)
