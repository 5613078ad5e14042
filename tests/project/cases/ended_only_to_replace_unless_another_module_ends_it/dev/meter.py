import asyncio

from dev.helpers import cancel_task


class Meter:
    def __init__(self) -> None:
        self._updater_task: "asyncio.Task[None] | None" = None

    async def _updater_cancel(self) -> None:
        await cancel_task(self._updater_task)
        self._updater_task = None

    async def _updater(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _updater_schedule(self) -> None:
        await self._updater_cancel()
        self._updater_task = asyncio.create_task(self._updater())

    async def connect(self) -> None:
        await self._updater_schedule()


class Relay:
    def __init__(self) -> None:
        self._updater_task: "asyncio.Task[None] | None" = None

    async def _updater_cancel(self) -> None:
        await cancel_task(self._updater_task)
        self._updater_task = None

    async def _updater(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _updater_schedule(self) -> None:
        await self._updater_cancel()
        self._updater_task = asyncio.create_task(self._updater())
