import asyncio

from .lock import DistributedLock


async def _announce(name: str) -> None:
    print("leader:", name)


class Coordinator:
    def __init__(self, server, node: str) -> None:
        self.node = node
        self.lock = DistributedLock(server, "coordinator", node)
        self.leading = False

    async def start(self) -> None:
        self.leading = await self.lock.acquire()
        if self.leading:
            asyncio.ensure_future(_announce(self.node)).add_done_callback(self._announced)

    def _announced(self, fut: "asyncio.Future") -> None:
        if not fut.cancelled() and fut.exception() is not None:
            print("announce failed:", fut.exception())

    async def close(self) -> None:
        if self.leading:
            await self.lock.release()
        self.leading = False
