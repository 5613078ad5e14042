"""A client's close copies its tasks into a list, leaving out the task that runs the close
(`[task for task in (self._ping, *self._callbacks) if task is not current]`), then cancels and
awaits what the list holds: the copy holds the attribute's own tasks, so the ping loop and the
callbacks are ended there (low). Near miss: a close whose loop over the copy only logs them,
so the ping loop, which runs until cancelled, is never ended (medium)."""

import asyncio
import logging
from contextlib import suppress


class Client:
    def __init__(self) -> None:
        self._ping: asyncio.Task[None] | None = None
        self._callbacks: set[asyncio.Task[None]] = set()

    async def _pinger(self) -> None:
        while True:
            await asyncio.sleep(10)

    def start(self) -> None:
        self._ping = asyncio.create_task(self._pinger())

    def on_message(self) -> None:
        task = asyncio.create_task(asyncio.sleep(1))
        self._callbacks.add(task)
        task.add_done_callback(self._callbacks.discard)

    async def close(self) -> None:
        current = asyncio.current_task()
        tasks = [task for task in (self._ping, *self._callbacks) if task is not current]
        for task in tasks:
            if task is not None:
                task.cancel()
        for task in tasks:
            if task is not None:
                with suppress(asyncio.CancelledError):
                    await task


class LoggingClient:
    def __init__(self) -> None:
        self._ping: asyncio.Task[None] | None = None

    async def _pinger(self) -> None:
        while True:
            await asyncio.sleep(10)

    def start(self) -> None:
        self._ping = asyncio.create_task(self._pinger())

    async def close(self) -> None:
        current = asyncio.current_task()
        tasks = [task for task in (self._ping,) if task is not current]
        for task in tasks:
            logging.info("still running: %s", task)
