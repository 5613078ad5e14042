import asyncio

from .replica import Replica


class QuorumWriter:
    """Writes to every replica and returns once a majority acknowledged."""

    def __init__(self, replicas: list[Replica]) -> None:
        self.replicas = replicas

    @property
    def majority(self) -> int:
        return len(self.replicas) // 2 + 1

    async def write(self, key: str, value: bytes) -> bool:
        tasks = [asyncio.ensure_future(r.write(key, value)) for r in self.replicas]
        acks = 0
        for fut in asyncio.as_completed(tasks):
            if await fut:
                acks += 1
            if acks >= self.majority:
                return True
        return False

    async def write_strict(self, key: str, value: bytes) -> bool:
        tasks = [asyncio.ensure_future(r.write(key, value)) for r in self.replicas]
        acks = 0
        try:
            for fut in asyncio.as_completed(tasks):
                if await fut:
                    acks += 1
                if acks >= self.majority:
                    return True
            return False
        finally:
            for task in tasks:
                task.cancel()
