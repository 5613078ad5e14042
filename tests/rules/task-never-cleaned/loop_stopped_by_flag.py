"""A reader loop that close() stops through its running flag, and a watcher that shutdown()
stops through its event: a cooperative shutdown path, so kept and ended. The near miss: the
pinger's `while True` has no way to stop."""

import asyncio


class Reader:
    def __init__(self, stream) -> None:
        self._stream = stream
        self._running = False
        self._reader: asyncio.Task[None] | None = None
        self._pinger: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._running = True
        self._reader = asyncio.create_task(self._read_loop())
        self._pinger = asyncio.create_task(self._ping_loop())

    async def _read_loop(self) -> None:
        while self._running:
            await self._stream.readline()

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def close(self) -> None:
        self._running = False


class Watcher:
    def __init__(self) -> None:
        self._closed = asyncio.Event()
        self._watch: asyncio.Task[None] | None = None

    def open(self) -> None:
        self._watch = asyncio.create_task(self._watch_loop())

    async def _watch_loop(self) -> None:
        while not self._closed.is_set():
            await asyncio.sleep(1)

    def shutdown(self) -> None:
        self._closed.set()
