"""Near miss of task-tracked/polled_until_done: the loop may give up (`break`) with the
coroutine still running, and then nothing keeps, awaits or cancels its future."""

import asyncio
import time


async def shutdown_server() -> None:
    await asyncio.sleep(0)


def stop_from_a_thread(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(shutdown_server(), loop)
    deadline = time.monotonic() + 5
    while not future.done():
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
