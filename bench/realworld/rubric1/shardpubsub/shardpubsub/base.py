from __future__ import annotations

import asyncio
import contextlib
from typing import Any


class PubSub:
    """Subscribes to channels over a connection; on_reconnect restarts the listener."""

    def __init__(self, messages: asyncio.Queue[Any]) -> None:
        self.messages = messages
        self.channels: set[str] = set()
        self.received: list[Any] = []
        self._listener: asyncio.Task[None] | None = None

    def subscribe(self, channel: str) -> None:
        self.channels.add(channel)

    def start(self) -> None:
        self.on_reconnect()

    def on_reconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
        self._listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        while True:
            message = await self.messages.get()
            if message.get("channel") in self.channels:
                self.received.append(message)

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
