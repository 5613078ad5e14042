"""A dropped `run_coroutine_threadsafe(queue.put(item), loop)` is high whatever the queue: a put
into an unbounded `asyncio.Queue()` does not fail, but a loop that stops before running it never
runs it, and the dropped Future was the only thing that could tell; the same for a bounded queue
and for any other coroutine (their errors are never logged or raised)."""

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

    def on_waited(self, data: bytes) -> None:
        # the near miss: the thread waits for the put, so it sees whether it ran
        asyncio.run_coroutine_threadsafe(self._queue.put(data), self._loop).result()
