from __future__ import annotations

import asyncio
from typing import Any

from .base import PubSub


class ShardedPubSub(PubSub):
    """Routes shard channels; re-reads the slot map on every reconnect."""

    def __init__(self, messages: asyncio.Queue[Any], slots: int = 16) -> None:
        super().__init__(messages)
        self.slots = slots

    def on_reconnect(self) -> None:
        self.slot_map = {channel: hash(channel) % self.slots for channel in self.channels}
        self._listener = asyncio.create_task(self._listen_shards())

    async def _listen_shards(self) -> None:
        while True:
            message = await self.messages.get()
            if self.slot_map.get(message.get("channel")) is not None:
                self.received.append(message)
