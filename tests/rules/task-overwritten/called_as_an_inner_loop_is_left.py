"""The call leaves its inner retry loop, but the outer loop runs it again every turn."""

import asyncio


class Cloud:
    def __init__(self) -> None:
        self._init_task: asyncio.Task[None] | None = None
        self.ready = False

    async def initialize(self) -> None:
        self._init_task = asyncio.create_task(self._finish())

    async def _finish(self) -> None:
        await asyncio.sleep(1)

    async def keep_connected(self) -> None:
        while True:
            for _attempt in range(3):
                await asyncio.sleep(1)
                if self.ready:
                    await self.initialize()
                    break
            await asyncio.sleep(60)

    async def stop(self) -> None:
        if self._init_task:
            self._init_task.cancel()
