"""The near misses of task-discarded/awaited_helper_task_dropped: the task `await
start_sync_task()` gives is kept and awaited; and a call of the coroutine function handed to
`create_task` runs it in a task of its own, which is what that spawn is judged by (the inner
task is its result)."""

import asyncio


async def sync_devices() -> None:
    await asyncio.sleep(1)


async def start_sync_task() -> asyncio.Task[None]:
    return asyncio.create_task(sync_devices())


async def on_login() -> None:
    sync = await start_sync_task()
    await sync


async def on_login_later() -> None:
    outer = asyncio.create_task(start_sync_task())
    inner = await outer
    await inner
