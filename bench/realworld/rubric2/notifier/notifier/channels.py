import asyncio


class Channel:
    def __init__(self, name: str) -> None:
        self.name = name

    async def send(self, message: str) -> None:
        await asyncio.sleep(0)


class EmailChannel(Channel):
    async def flush(self) -> None:
        await asyncio.sleep(0)
