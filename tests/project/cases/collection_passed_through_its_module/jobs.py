"""A module function that spawns into the set its caller passes in; it never ends the tasks
itself: the caller that owns the set does."""

from __future__ import annotations

import asyncio


async def refresh() -> None:
    await asyncio.sleep(1)


def schedule(running: set[asyncio.Task[None]]) -> None:
    running.add(asyncio.create_task(refresh()))
