"""Running a coroutine on another thread's loop and waiting for it from this one: the
concurrent Future's bound `result` runs in a worker thread, which blocks until the coroutine is
done, and the await waits for that thread."""

import asyncio
from collections.abc import Coroutine
from typing import Any


async def run_in_loop(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, int]) -> int:
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    return await asyncio.to_thread(future.result)
