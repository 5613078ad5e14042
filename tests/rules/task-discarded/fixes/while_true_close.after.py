import asyncio


class Feed:
    def __init__(self) -> None:
        self._items: list[str] = []

    async def start(self) -> None:
        asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(5)
            self._items.append("tick")

    async def close(self) -> None:
        self._items.clear()
