"""The near miss of task-tracked's `ended_through_getattr_before_a_relaunch`: the literal tuple
`_kill_readers()` cancels through `getattr(self, name)` leaves out `_audio_task`, so every
relaunch stores a new audio reader over the one still running."""

import asyncio
from typing import Any


class Adapter:
    def __init__(self) -> None:
        self._running = True
        self._reader_task: asyncio.Task[None] | None = None
        self._audio_task: asyncio.Task[None] | None = None
        self._watchdog_task: asyncio.Task[None] | None = None

    async def _read_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def start(self) -> None:
        await self._launch()
        self._watchdog_task = asyncio.create_task(self._watchdog())

    async def _launch(self) -> None:
        self._reader_task = asyncio.create_task(self._read_loop())
        self._audio_task = asyncio.create_task(self._read_loop())

    async def _kill_readers(self) -> None:
        for name in ("_reader_task",):
            task: asyncio.Task[Any] | None = getattr(self, name)
            if task is not None and not task.done():
                task.cancel()
                setattr(self, name, None)

    async def _watchdog(self) -> None:
        while self._running:
            await asyncio.sleep(5)
            await self._kill_readers()
            await self._launch()

    async def stop(self) -> None:
        self._running = False
        if self._watchdog_task is not None:
            self._watchdog_task.cancel()
        await self._kill_readers()
        if self._audio_task is not None:
            self._audio_task.cancel()
