import asyncio


class Counter:
    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0

    async def _bump(self) -> None:
        self.count += 1

    def handle_event(self) -> None:
        asyncio.create_task(self._bump())
