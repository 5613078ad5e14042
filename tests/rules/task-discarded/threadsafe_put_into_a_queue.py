"""A dropped `run_coroutine_threadsafe(queue.put(item), loop)`: low when every value of the queue
is an unbounded `asyncio.Queue()` (the put completes at once and cannot fail), high for a
bounded queue and for any other coroutine (its errors are never logged or raised)."""

import asyncio


class Bridge:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._bounded: asyncio.Queue[bytes] = asyncio.Queue(maxsize=10)

    def on_data(self, data: bytes) -> None:
        asyncio.run_coroutine_threadsafe(self._queue.put(data), self._loop)

    def on_other(self, data: bytes) -> None:
        asyncio.run_coroutine_threadsafe(self._bounded.put(data), self._loop)

    def on_third(self, data: bytes) -> None:
        asyncio.run_coroutine_threadsafe(self._send(data), self._loop)

    async def _send(self, data: bytes) -> None:
        await asyncio.sleep(0)
