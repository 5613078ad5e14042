import asyncio
from typing import Awaitable, Callable

Callback = Callable[[dict], Awaitable[None]]


class Listener:
    def __init__(self, channel: str, callback: Callback) -> None:
        self.channel = channel
        self._callback = callback
        self._queue: asyncio.Queue = asyncio.Queue()
        self._worker = asyncio.create_task(self._consume())

    async def deliver(self, event: dict) -> None:
        await self._queue.put(event)

    async def _consume(self) -> None:
        while True:
            event = await self._queue.get()
            await self._callback(event)

    def close(self) -> None:
        self._worker.cancel()
