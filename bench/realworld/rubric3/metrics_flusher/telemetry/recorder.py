import asyncio

from .flusher import EventCounter, Flusher


class Recorder:
    """Thread-safe front door: record() may be called from worker threads."""

    def __init__(self, sink, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._flusher = Flusher(sink)
        self._counter = EventCounter(sink)

    async def _enqueue(self, name: str, value: float) -> None:
        self._flusher.ensure_started()
        self._flusher.add(name, value)

    def record(self, name: str, value: float) -> None:
        asyncio.run_coroutine_threadsafe(self._enqueue(name, value), self._loop)

    def hit(self, name: str) -> None:
        """Called on the loop for every request."""
        self._counter.ensure_ticking()
        self._counter.count(name)

    async def close(self) -> None:
        await self._flusher.close()
        await self._counter.close()
