"""Services that end their task in their own close-like method; whether that end is reached is
whether the classes that make and keep them call it on their way out (their owners' paths)."""

import asyncio


class RedoService:
    """nacos's shape: a redo loop stopped through an event that only close_client() sets."""

    def __init__(self) -> None:
        self._stop = asyncio.Event()
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while not self._stop.is_set():
            await self._queue.get()

    async def close_client(self) -> None:
        self._stop.set()
        await self._task


class Heartbeat:
    def __init__(self) -> None:
        self._running = True
        self._task = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while self._running:
            await asyncio.sleep(30)

    async def stop(self) -> None:
        self._running = False
        await self._task


class Greeter:
    """Its task finishes by itself: an owner that never closes it leaves it to finish."""

    def __init__(self) -> None:
        self._task = asyncio.create_task(self._greet())

    async def _greet(self) -> None:
        await asyncio.sleep(1)

    async def close(self) -> None:
        self._task.cancel()


class Watcher:
    def __init__(self) -> None:
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(1)

    def close(self) -> None:
        self._task.cancel()
