import asyncio

from .pollers import Poller


class Registry:
    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task] = {}

    def register(self, name: str, poller: Poller) -> None:
        self._tasks[name] = asyncio.create_task(poller.run())

    def replace(self, name: str, poller: Poller) -> None:
        self._tasks[name] = asyncio.create_task(poller.run())

    def unregister(self, name: str) -> None:
        task = self._tasks.pop(name, None)
        if task is not None:
            task.cancel()

    async def close(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        await asyncio.gather(*self._tasks.values(), return_exceptions=True)
