"""A method returns the attribute's task and its caller awaits the value: the task is awaited,
through the method."""

import asyncio


class Cleaner:
    def start(self) -> None:
        self._cleanup = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        await asyncio.sleep(1)

    def _stop_cleanup(self) -> asyncio.Task[None]:
        self._cleanup.cancel()
        return self._cleanup

    def _pending(self) -> asyncio.Task[None]:
        return self._cleanup

    async def close(self) -> None:
        await self._pending()
