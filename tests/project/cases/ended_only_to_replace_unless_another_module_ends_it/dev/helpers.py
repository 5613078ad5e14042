import asyncio


async def cancel_task(task: "asyncio.Task[None] | None") -> None:
    if task is not None and not task.done():
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
