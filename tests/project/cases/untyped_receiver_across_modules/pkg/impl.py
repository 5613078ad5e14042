import asyncio

from pkg.base import Notifier, Starter


class Pool:
    def create_task(self, coro: object) -> None:
        pass


class LoopNotifier(Notifier):
    def __init__(self) -> None:
        self.loop = asyncio.get_event_loop()
        self.pool = Pool()

    async def flush(self) -> None:
        await asyncio.sleep(0)


class Ticker(Starter):
    async def tick(self) -> None:
        await asyncio.sleep(0)

    def plain(self) -> None:
        pass
