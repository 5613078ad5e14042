"""The project's own cancel helper: it cancels the task it is given and waits for its end."""

import asyncio


async def cancel_and_wait(task: asyncio.Task[object] | None) -> None:
    if task is None:
        return
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
