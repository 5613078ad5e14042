"""A coroutine that loops `for` over `itertools.cycle()` (or `count()`, or `repeat(x)` with no
times) never ends by itself, like `while True`: kept in an attribute its done-callback resets
and never cancelled, it runs until the program stops (medium). Near misses: the same loop over
the statuses once, which finishes by itself, and a cycle the loop leaves with `break`."""

import asyncio
import itertools


class PresenceBot:
    statuses = ("watching the logs", "serving requests", "idle")

    def __init__(self) -> None:
        self._rotation: asyncio.Task[None] | None = None
        self._announce: asyncio.Task[None] | None = None
        self._countdown: asyncio.Task[None] | None = None

    def on_ready(self) -> None:
        if self._rotation is None:
            self._rotation = asyncio.create_task(self._rotate())
            self._rotation.add_done_callback(self._rotation_done)
        if self._announce is None:
            self._announce = asyncio.create_task(self._announce_once())
            self._announce.add_done_callback(self._announce_done)
        if self._countdown is None:
            self._countdown = asyncio.create_task(self._count_down())
            self._countdown.add_done_callback(self._countdown_done)

    async def _rotate(self) -> None:
        for status in itertools.cycle(self.statuses):
            await self._set(status)
            await asyncio.sleep(60)

    async def _announce_once(self) -> None:
        for status in self.statuses:
            await self._set(status)

    async def _count_down(self) -> None:
        for n in itertools.count():
            if n > 10:
                break
            await asyncio.sleep(1)

    async def _set(self, status: str) -> None:
        await asyncio.sleep(0)

    def _rotation_done(self, task: asyncio.Task[None]) -> None:
        self._rotation = None

    def _announce_done(self, task: asyncio.Task[None]) -> None:
        self._announce = None

    def _countdown_done(self, task: asyncio.Task[None]) -> None:
        self._countdown = None
