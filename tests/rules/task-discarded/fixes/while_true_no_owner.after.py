import asyncio


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(30)


async def main() -> None:
    asyncio.create_task(heartbeat())


class Client:
    def __init__(self) -> None:
        self.ready = True

    async def connect(self) -> None:
        asyncio.ensure_future(self._keepalive())

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(20)
