"""Stop the server from a plain thread: schedule the coroutine on the server's loop and poll the
concurrent future until it is done; the function returns only after the coroutine has ended."""

import asyncio
import time


async def shutdown_server() -> None:
    await asyncio.sleep(0)


def stop_from_a_thread(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(shutdown_server(), loop)
    while not future.done():
        time.sleep(0.1)
