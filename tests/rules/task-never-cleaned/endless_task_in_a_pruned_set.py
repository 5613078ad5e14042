"""A client keeps its background tasks in sets a done-callback prunes: the asyncio
documentation's pattern, which keeps each task until it is done. A heartbeat that runs `while
True` with no way out is never done, and nothing cancels it: kept, but with no shutdown path
(medium), at module level and on an instance. Near misses: the same loop in a set that
`close()` cancels, a loop a flag that `close()` clears stops, and a task that ends by itself."""

import asyncio

_tasks: set[asyncio.Task[None]] = set()


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(1)


def start_heartbeat() -> None:
    task = asyncio.create_task(heartbeat())
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


class Client:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._cancelled: set[asyncio.Task[None]] = set()
        self._running = True

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _poll(self) -> None:
        while self._running:
            await asyncio.sleep(1)

    async def _hello(self) -> None:
        await asyncio.sleep(1)

    def connect(self) -> None:
        task = asyncio.create_task(self._ping())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def connect_cancelled(self) -> None:
        task = asyncio.create_task(self._ping())
        self._cancelled.add(task)
        task.add_done_callback(self._cancelled.discard)

    def poll(self) -> None:
        task = asyncio.create_task(self._poll())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def greet(self) -> None:
        task = asyncio.create_task(self._hello())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        self._running = False
        for task in self._cancelled:
            task.cancel()
