import asyncio

from .lock import DistributedLock


async def _announce(name: str) -> None:
    print("leader:", name)


async def _audit(name: str) -> None:
    print("audit:", name)


class Coordinator:
    def __init__(self, server, node: str) -> None:
        self.node = node
        self.lock = DistributedLock(server, "coordinator", node)
        self.leading = False

    async def start(self) -> None:
        self.leading = await self.lock.acquire()
        if self.leading:
            asyncio.gather(_announce(self.node), _audit(self.node))

    async def close(self) -> None:
        self.leading = False
