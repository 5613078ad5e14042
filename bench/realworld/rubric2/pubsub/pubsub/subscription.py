import asyncio
from typing import Awaitable, Callable

Handler = Callable[[bytes], Awaitable[None]]


class Subscription:
    def __init__(self, topic: str, handler: Handler) -> None:
        self.topic = topic
        self.handler = handler
        self.queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._pump: asyncio.Task | None = None

    def start(self) -> None:
        self._pump = asyncio.create_task(self._drain())

    async def _drain(self) -> None:
        while True:
            msg = await self.queue.get()
            await self.handler(msg)

    async def deliver(self, msg: bytes) -> None:
        await self.queue.put(msg)

    def cancel(self) -> None:
        if self._pump is not None:
            self._pump.cancel()


class DurableSubscription(Subscription):
    """Also acknowledges delivered messages back to the store, in batches."""

    def __init__(self, topic: str, handler: Handler) -> None:
        super().__init__(topic, handler)
        self._acked: list[bytes] = []
        self._ack_task: asyncio.Task | None = None

    def start(self) -> None:
        super().start()
        self._ack_task = asyncio.create_task(self._ack_loop())

    async def _ack_loop(self) -> None:
        while True:
            await asyncio.sleep(1)
            self._acked.clear()
