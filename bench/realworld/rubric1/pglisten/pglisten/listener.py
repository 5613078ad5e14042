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

    def start(self) -> None:
        self._task = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            raw = await self.notifications.get()
            payload = json.loads(raw)
            if payload.get("priority") == "high":
                asyncio.create_task(self.callback(payload))
            else:
                loop.call_soon(lambda p=payload: asyncio.ensure_future(self.callback(p)))

    async def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
