"""A plugin registers its background jobs into the set the host passes in. The host (not in this
project) owns the set; nothing here prunes, awaits or cancels it, and whether the host does is
not followed: not a dropped local, and no claim that the set only grows (low, saying what was
not followed; until stop 109 a TL202 built on finding no caller)."""

import asyncio


async def _refresh_feeds() -> None:
    while True:
        await asyncio.sleep(60)


async def _rotate_logs() -> None:
    await asyncio.sleep(3600)


def register(background: set[asyncio.Task[None]]) -> None:
    background.add(asyncio.create_task(_refresh_feeds()))
    background.add(asyncio.create_task(_rotate_logs()))
