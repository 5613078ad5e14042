"""Coroutines another module spawns: one that loops forever, one that finishes."""

import asyncio


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(1)


async def hello() -> None:
    await asyncio.sleep(1)
