"""nacos's redo service, in one module: a service ends its loop's task in its own close-like
method (`close_client()` sets the event the loop tests, then awaits the task), and the class
that makes and keeps the service (`self.redo_service = NamingRedoService()`) has a close of its
own that never calls it: that owner closes and the loop runs for good (medium). The near misses:
an owner whose close calls the service's end through a method of its own (low); a service whose
task finishes by itself, never closed by its owner (low: only late). An owner with no close-like
method at all, which never calls the watcher's close, lets it go with its loop running (medium,
since stop 85; it was taken as no known way out: see `owner_without_a_close.py`)."""

import asyncio


class RedoService:
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


class NamingRedoService(RedoService):
    pass


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


class NamingProxy:
    def __init__(self) -> None:
        self.redo_service = NamingRedoService()

    async def close_client(self) -> None:
        print("closing")


class Client:
    def __init__(self) -> None:
        self.heartbeat = Heartbeat()
        self.greeter = Greeter()

    async def close(self) -> None:
        await self._shutdown()

    async def _shutdown(self) -> None:
        await self.heartbeat.stop()


class Monitor:
    def __init__(self) -> None:
        self.watcher = Watcher()
