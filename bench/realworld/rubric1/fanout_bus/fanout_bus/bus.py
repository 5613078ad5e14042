from __future__ import annotations

import asyncio
import itertools
import logging
from collections import defaultdict

from .subscribers import Message, Subscriber

log = logging.getLogger(__name__)


class Bus:
    def __init__(self) -> None:
        self._subs: dict[str, list[Subscriber]] = defaultdict(list)
        self._ids = itertools.count(1)
        self._pending: set[asyncio.Task[None]] = set()
        self.receipts: dict[int, int] = {}
        self._janitor: asyncio.Task[None] | None = None

    def subscribe(self, topic: str, sub: Subscriber) -> None:
        self._subs[topic].append(sub)
        if self._janitor is None:
            self._janitor = asyncio.create_task(self._trim_receipts())

    async def _trim_receipts(self) -> None:
        while True:
            await asyncio.sleep(300)
            for message_id in sorted(self.receipts)[:-10_000]:
                del self.receipts[message_id]

    def publish_nowait(self, topic: str, body: object) -> None:
        """Fire-and-forget publish for callers that cannot await."""
        message = Message(next(self._ids), topic, body)
        for sub in self._subs[topic]:
            asyncio.create_task(sub.deliver(message))

    def publish(self, topic: str, body: object) -> int:
        message = Message(next(self._ids), topic, body)
        for sub in self._subs[topic]:
            delivery = asyncio.create_task(sub.deliver(message))
            self._pending.add(delivery)
            receipt = asyncio.create_task(self._record_receipt(message))
            self._pending.add(receipt)
            receipt.add_done_callback(self._pending.discard)
        return message.id

    async def _record_receipt(self, message: Message) -> None:
        await asyncio.sleep(0)
        self.receipts[message.id] = self.receipts.get(message.id, 0) + 1
