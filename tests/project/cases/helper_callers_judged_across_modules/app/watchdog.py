"""Calls of the helper in another module, by its imported name: kept and cancelled, dropped
per event, kept and never ended; and the task an awaited call of the coroutine function gives,
awaited in turn."""

import asyncio

from app.utils import create_task_logged, create_task_later


class Watchdog:
    def __init__(self) -> None:
        self._monitor: asyncio.Task[None] | None = None
        self._flusher: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._monitor = create_task_logged(self._watch())
        self._flusher = create_task_logged(self._flush())

    def stop(self) -> None:
        if self._monitor is not None:
            self._monitor.cancel()

    def on_crash(self, target: str) -> None:
        create_task_logged(self._report(target))

    async def on_restart(self) -> None:
        task = await create_task_later(self._watch())
        await task

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _flush(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def _report(self, target: str) -> None:
        await asyncio.sleep(0)
