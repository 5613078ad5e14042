from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

Callback = Callable[[dict[str, Any]], Awaitable[None]]


class ChannelListener:
    """LISTENs on one channel of a connection and dispatches each NOTIFY payload."""

    def __init__(self, channel: str, notifications: asyncio.Queue[str], callback: Callback) -> None:
        self.channel = channel
        self.notifications = notifications
        self.callback = callback
        self._task: asyncio.Task[None] | None = None
        self._inflight: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            raw = await self.notifications.get()
            payload = json.loads(raw)
            task = loop.create_task(self.callback(payload))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)

    async def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
