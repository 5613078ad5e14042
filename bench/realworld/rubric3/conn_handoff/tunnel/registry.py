import asyncio


class TaskRegistry:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def adopt(self, task: asyncio.Task) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
