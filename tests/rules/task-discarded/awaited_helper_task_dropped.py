"""A coroutine function of the module returns the task it spawns: `await start_sync_task()` gives
that task, and as a statement drops it (no fix is offered: the fixes rewrite spawn calls, and
this call gives a coroutine). The near misses, the awaited task kept and awaited, and a call
not awaited at once, are task-tracked's `awaited_helper_task_kept`."""

import asyncio


async def sync_devices() -> None:
    await asyncio.sleep(1)


async def start_sync_task() -> asyncio.Task[None]:
    return asyncio.create_task(sync_devices())


async def on_login() -> None:
    await start_sync_task()
