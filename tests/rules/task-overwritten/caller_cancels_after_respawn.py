"""The near miss of task-tracked/caller_cancels_before_respawn.py: the reconnect path cancels
the reader only after it has called the method that spawns the new one, so the cancel reaches
the new reader and the old one is left running."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None

    async def _connect_init(self) -> None:
        self._reader = asyncio.create_task(self._read_loop())

    async def _read_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _reconnect(self) -> None:
        await self._connect_init()
        if self._reader is not None:
            self._reader.cancel()

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(10)
            await self._reconnect()
