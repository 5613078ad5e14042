"""A method takes the attribute's task out into a local list and returns the list; the
coroutine method's caller gathers what its `await` gives, through a function of the module
that gathers its `*tasks`: the task is ended there. (Awaiting a coroutine method's call waits
for the method, not for the task it returns: `Leaky.close` below ends nothing.) `Mover` takes
its tasks out the same way and hands them to a function of another module, not followed here:
no claim is made about their end."""

import asyncio

from workers import stop_all


async def gather_all(*tasks: asyncio.Task[None]) -> None:
    await asyncio.gather(*tasks)


class Pool:
    def __init__(self) -> None:
        self._runner: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        await asyncio.sleep(1)

    def open(self) -> None:
        self._runner = asyncio.create_task(self._run())

    async def _take_workers(self) -> list[asyncio.Task[None]]:
        workers: list[asyncio.Task[None]] = []
        if self._runner:
            workers.append(self._runner)
            self._runner = None
        return workers

    async def close(self) -> None:
        workers = await self._take_workers()
        await gather_all(*workers)


class Leaky:
    def __init__(self) -> None:
        self._runner: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        await asyncio.sleep(1)

    def open(self) -> None:
        self._runner = asyncio.create_task(self._run())

    async def _take_runner(self) -> asyncio.Task[None] | None:
        return self._runner

    async def close(self) -> None:
        await self._take_runner()


class Mover:
    def __init__(self) -> None:
        self._workers: list[asyncio.Task[None]] = []
        self._runner: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        await asyncio.sleep(1)

    def open(self) -> None:
        for _ in range(3):
            self._workers.append(asyncio.create_task(self._run()))
        self._runner = asyncio.create_task(self._run())

    async def _take_workers(self) -> list[asyncio.Task[None]]:
        workers, self._workers = self._workers[:], []
        if self._runner:
            workers.append(self._runner)
            self._runner = None
        return workers

    async def close(self) -> None:
        workers = await self._take_workers()
        await stop_all(*workers)
