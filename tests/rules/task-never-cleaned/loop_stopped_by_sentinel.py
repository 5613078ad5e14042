"""Writer loops that another method ends with a sentinel on the queue they read (`None`, or a
named one): a cooperative shutdown path, so kept and ended. The near miss reads the same
sentinel but goes on (`continue`): nothing ends it."""

import asyncio

STOP = object()


class Writer:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._task = asyncio.create_task(self._writer())

    async def _writer(self) -> None:
        while True:
            data = await self._queue.get()
            if data is None:
                break
            print(data)

    def close(self) -> None:
        self._queue.put_nowait(None)


class Worker:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            item = await self._queue.get()
            if item is STOP: return
            print(item)

    async def stop(self) -> None:
        await self._queue.put(STOP)


class Skipper:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            item = await self._queue.get()
            if item is None:
                continue
            print(item)

    async def stop(self) -> None:
        await self._queue.put(None)
