"""Chat bot client: reacts to gateway READY events."""
from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

SetPresence = Callable[[str], Awaitable[None]]


class PresenceBot:
    statuses = ("watching the logs", "serving requests", "idle")

    def __init__(self, set_presence: SetPresence, guild_count: int) -> None:
        self._set_presence = set_presence
        self._expected_guilds = guild_count
        self.guilds: set[int] = set()
        self.ready = asyncio.Event()
        self._ready_task: asyncio.Task[None] | None = None
        self._presence_task: asyncio.Task[None] | None = None

    def on_gateway_ready(self) -> None:
        """Dispatched by the gateway on every READY, including after a resume."""
        if self._ready_task is None:
            self._ready_task = asyncio.create_task(self._wait_for_guilds())
            self._ready_task.add_done_callback(self._ready_done)
        if self._presence_task is None:
            self._presence_task = asyncio.create_task(self._rotate_presence())
            self._ready_task.add_done_callback(self._presence_done)

    def on_guild_create(self, guild_id: int) -> None:
        self.guilds.add(guild_id)

    async def _wait_for_guilds(self) -> None:
        for _ in range(20):
            if len(self.guilds) >= self._expected_guilds:
                break
            await asyncio.sleep(0.5)
        self.ready.set()

    async def _rotate_presence(self) -> None:
        for status in itertools.cycle(self.statuses):
            await self._set_presence(status)
            await asyncio.sleep(60)

    def _ready_done(self, task: asyncio.Task[None]) -> None:
        self._ready_task = None

    def _presence_done(self, task: asyncio.Task[None]) -> None:
        self._presence_task = None

    async def close(self) -> None:
        if self._presence_task is not None:
            self._presence_task.cancel()
            await asyncio.gather(self._presence_task, return_exceptions=True)
        self.ready.clear()
        self.guilds.clear()
