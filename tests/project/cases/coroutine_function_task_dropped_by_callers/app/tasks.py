"""A coroutine function that returns the task it spawns: its callers get the task by awaiting
the call."""

import asyncio


async def sync_devices() -> None:
    await asyncio.sleep(1)


async def start_sync() -> asyncio.Task[None]:
    return asyncio.create_task(sync_devices())
