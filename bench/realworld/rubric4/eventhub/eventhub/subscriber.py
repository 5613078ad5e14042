import asyncio
from typing import Awaitable, Callable

Handler = Callable[[str, dict], Awaitable[None]]


class Subscriber:
    def __init__(self, pattern: str, handler: Handler) -> None:
        self.pattern = pattern
        self._handler = handler
        self._inbox: asyncio.Queue = asyncio.Queue(maxsize=500)
        self._pump = asyncio.create_task(self._drain())

    def matches(self, topic: str) -> bool:
        return topic == self.pattern or (self.pattern.endswith("*") and topic.startswith(self.pattern[:-1]))

    async def offer(self, topic: str, event: dict) -> None:
        await self._inbox.put((topic, event))

    async def _drain(self) -> None:
        while True:
            topic, event = await self._inbox.get()
            await self._handler(topic, event)

    async def close(self) -> None:
        self._pump.cancel()
        try:
            await self._pump
        except asyncio.CancelledError:
            pass
