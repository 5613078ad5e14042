from __future__ import annotations

import asyncio

from .listener import Callback, ChannelListener


class NotifyPool:
    def __init__(self) -> None:
        self._listeners: list[ChannelListener] = []
        self._queues: dict[str, asyncio.Queue[str]] = {}

    def listen(self, channel: str, callback: Callback) -> ChannelListener:
        queue = self._queues.setdefault(channel, asyncio.Queue())
        listener = ChannelListener(channel, queue, callback)
        listener.start()
        self._listeners.append(listener)
        return listener

    def feed(self, channel: str, raw: str) -> None:
        self._queues[channel].put_nowait(raw)

    async def close(self) -> None:
        self._listeners.clear()
        self._queues.clear()
