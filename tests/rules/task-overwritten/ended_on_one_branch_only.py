"""A rebalance listener: an empty assignment starts a delayed warning, a non-empty one cancels
it. Two empty assignments in a row overwrite the first warning while it waits: the cancel sits
on the other branch, not on the way to the re-spawn (TL103). The near miss cancels the old
warning on every way in."""

import asyncio
from typing import Any

Consumer = Any


class RebalanceListener:
    def __init__(self) -> None:
        self._warning: asyncio.Task[None] | None = None

    async def _warn_later(self) -> None:
        await asyncio.sleep(30)
        print("no partitions assigned for 30 s")

    async def on_partitions_assigned(self, assigned: set[int]) -> None:
        if assigned:
            if self._warning is not None:
                self._warning.cancel()
        else:
            self._warning = asyncio.create_task(self._warn_later())

    async def run(self, consumer: "Consumer") -> None:
        async for assigned in consumer.assignments():
            await self.on_partitions_assigned(assigned)

    async def stop(self) -> None:
        if self._warning is not None:
            self._warning.cancel()


class CarefulListener:
    def __init__(self) -> None:
        self._warning: asyncio.Task[None] | None = None

    async def _warn_later(self) -> None:
        await asyncio.sleep(30)

    async def on_partitions_assigned(self, assigned: set[int]) -> None:
        if self._warning is not None:
            self._warning.cancel()
        if not assigned:
            self._warning = asyncio.create_task(self._warn_later())

    async def run(self, consumer: "Consumer") -> None:
        async for assigned in consumer.assignments():
            await self.on_partitions_assigned(assigned)

    async def stop(self) -> None:
        if self._warning is not None:
            self._warning.cancel()
