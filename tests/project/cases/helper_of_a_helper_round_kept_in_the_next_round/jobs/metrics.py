"""A coroutine function that starts the collection loop and returns its task: awaiting a call
of it gives the task."""

import asyncio


async def _collect() -> None:
    while True:
        await asyncio.sleep(60)


async def start_metrics_collection() -> asyncio.Task[None]:
    return asyncio.create_task(_collect())
