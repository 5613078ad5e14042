"""A reconnection loop starts the cloud again once, as it leaves: not once per turn."""

import asyncio


class Cloud:
    def __init__(self) -> None:
        self._init_task: asyncio.Task[None] | None = None
        self._renewed = 0

    async def initialize(self) -> None:
        self._init_task = asyncio.create_task(self._finish())

    async def _finish(self) -> None:
        await asyncio.sleep(1)

    async def reconnect(self) -> None:
        while True:
            await asyncio.sleep(60)
            if self._renewed:
                await self.initialize()
                break

    async def stop(self) -> None:
        if self._init_task:
            self._init_task.cancel()
