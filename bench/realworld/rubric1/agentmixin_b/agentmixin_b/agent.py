from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from .mixins import HeartbeatMixin


class BaseAgent:
    def __init__(self, name: str) -> None:
        self.name = name
        self.inbox: asyncio.Queue[Any] = asyncio.Queue()
        self.handled: list[Any] = []


class Agent(HeartbeatMixin, BaseAgent):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._inbox_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.start_heartbeat()
        self._inbox_task = asyncio.create_task(self._consume())

    def post(self, message: Any) -> None:
        asyncio.shield(self._deliver(message))

    async def _deliver(self, message: Any) -> None:
        await self.inbox.put(message)

    async def _consume(self) -> None:
        while True:
            self.handled.append(await self.inbox.get())

    async def close(self) -> None:
        if self._inbox_task is not None:
            self._inbox_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._inbox_task
        self.handled.clear()
