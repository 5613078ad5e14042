import asyncio


class Room:
    def __init__(self, name: str) -> None:
        self.name = name
        self.members: set[str] = set()
        self.tasks: dict[str, asyncio.Task] = {}

    async def close(self) -> None:
        for task in self.tasks.values():
            task.cancel()
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        self.tasks.clear()
