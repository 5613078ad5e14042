"""A done-callback prunes the collection only of the task it is registered on. Each publish
adds a delivery task and a receipt task to one set, but registers `discard` on the receipt
alone: finished deliveries stay in the set, which grows with every message (medium). Near miss:
a publish that registers the prune on both tasks."""

import asyncio


class Bus:
    def __init__(self) -> None:
        self._pending: set[asyncio.Task[None]] = set()
        self._inflight: set[asyncio.Task[None]] = set()

    def publish(self, message: str) -> None:
        delivery = asyncio.create_task(self._deliver(message))
        self._pending.add(delivery)
        receipt = asyncio.create_task(self._record(message))
        self._pending.add(receipt)
        receipt.add_done_callback(self._pending.discard)

    def publish_tracked(self, message: str) -> None:
        delivery = asyncio.create_task(self._deliver(message))
        self._inflight.add(delivery)
        delivery.add_done_callback(self._inflight.discard)
        receipt = asyncio.create_task(self._record(message))
        self._inflight.add(receipt)
        receipt.add_done_callback(self._inflight.discard)

    async def _deliver(self, message: str) -> None:
        await asyncio.sleep(0)

    async def _record(self, message: str) -> None:
        await asyncio.sleep(0)
