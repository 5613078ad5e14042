"""Under `--strict`, each spawn whose task goes where the analysis cannot follow it is a low
finding to read by hand: handed to a function of another module, stored and then handed on,
raced and then handed on, given away in a collection, unpacked. The near misses are followed:
a function of this module that cancels its parameter, or keeps it, and a task awaited at once.
"""

import asyncio

import pool
from helpers import cancel_and_wait


async def work() -> None:
    await asyncio.sleep(0)


def stop_later(task: asyncio.Task[None]) -> None:
    task.cancel()


class Service:
    def __init__(self) -> None:
        self._kept: list[asyncio.Task[None]] = []

    def keep(self, task: asyncio.Task[None]) -> None:
        self._kept.append(task)

    async def start(self) -> None:
        pool.adopt(asyncio.create_task(work()))
        self._task = asyncio.create_task(work())
        pool.adopt(self._task)

    async def race(self) -> None:
        first = asyncio.create_task(work())
        second = asyncio.create_task(work())
        await asyncio.wait([first, second], return_when=asyncio.FIRST_COMPLETED)
        await cancel_and_wait(first, second)

    def give(self) -> None:
        batch = [asyncio.create_task(work())]
        pool.adopt_all(batch)

    def unpack(self) -> None:
        one, two = asyncio.create_task(work()), None
        print(one, two)

    async def followed(self) -> None:
        stop_later(asyncio.create_task(work()))
        self.keep(asyncio.create_task(work()))
        await asyncio.create_task(work())

    def close(self) -> None:
        for task in self._kept:
            task.cancel()
