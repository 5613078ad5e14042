"""A loop run `while not queue.empty()` takes what is there and ends when the queue is empty: it
is no stop flag, so the task finishes by itself and a cancellation that skips cancelling it
leaves it to end (low, with that way out named). A loop on an event nobody here sets
(`while not self._stop.is_set()`) runs until cancelled: the same skip is medium."""

import asyncio


class Relay:
    def __init__(self) -> None:
        self.outbox: asyncio.Queue[bytes] = asyncio.Queue()
        self._stop = asyncio.Event()

    async def _flush(self) -> None:
        while not self.outbox.empty():
            await self.send(self.outbox.get_nowait())

    async def _pump(self) -> None:
        while not self._stop.is_set():
            await self.send(await self.outbox.get())

    async def send(self, data: bytes) -> None:
        await asyncio.sleep(0)

    async def run(self, closed: asyncio.Event) -> None:
        flusher = asyncio.create_task(self._flush())
        closer = asyncio.create_task(closed.wait())
        await asyncio.wait({flusher, closer}, return_when=asyncio.FIRST_COMPLETED)
        flusher.cancel()
        closer.cancel()

    async def serve(self, closed: asyncio.Event) -> None:
        # near miss: a pump that runs until its stop event is set, which nothing here sets
        pump = asyncio.create_task(self._pump())
        closer = asyncio.create_task(closed.wait())
        await asyncio.wait({pump, closer}, return_when=asyncio.FIRST_COMPLETED)
        pump.cancel()
        closer.cancel()
