"""A client whose loops run in the task group `gateway/compat.py` gives it: the group awaits
them (TL001); the near miss spawns one outside the group and drops it (TL101)."""

import asyncio

from .compat import TaskGroup


class Client:
    async def run(self) -> None:
        async with TaskGroup() as tg:
            tg.create_task(self.read())
            tg.create_task(self.beat())

    async def poke(self) -> None:
        asyncio.create_task(self.beat())

    async def read(self) -> None:
        await asyncio.sleep(1)

    async def beat(self) -> None:
        await asyncio.sleep(1)
