"""A thread blocks on the concurrent Future of work it handed to the event loop, with a
timeout: at the timeout `.result()` raises, and the coroutine goes on running in the loop's
thread unless the thread cancels it. Swallowing the timeout leaves it running (the near miss,
cancelled in the `except`, is in task-tracked's `threadsafe_result_blocks`). `disconnect()` ends
by itself, so the timeout leaves it to finish by itself: low (RUBRIC convention 4); the same
waits of a loop only a cancel ends are `timed_wait_leaves_a_loop_running` (medium)."""

import asyncio
import concurrent.futures
from collections.abc import Callable


async def disconnect() -> None:
    await asyncio.sleep(0)


class SyncClient:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def __exit__(self, *exc: object) -> None:
        future = asyncio.run_coroutine_threadsafe(disconnect(), self._loop)
        try:
            future.result(timeout=10)
        except concurrent.futures.TimeoutError:
            pass

    def close(self) -> None:
        future = asyncio.run_coroutine_threadsafe(disconnect(), self._loop)
        try:
            future.result(timeout=10)
        finally:
            future.cancel()


def disconnect_within(loop: asyncio.AbstractEventLoop, seconds: float) -> None:
    asyncio.run_coroutine_threadsafe(disconnect(), loop).result(seconds)


def heartbeat_gives_up(loop: asyncio.AbstractEventLoop) -> None:
    """The loop waits again, but its handler leaves it."""
    future = asyncio.run_coroutine_threadsafe(disconnect(), loop)
    while True:
        try:
            future.result(10)
            break
        except concurrent.futures.TimeoutError:
            return


def heartbeat_each(loop: asyncio.AbstractEventLoop, log: Callable[[str], None]) -> None:
    """Waited again, but each round spawns a new one and gives up on the last."""
    while True:
        future = asyncio.run_coroutine_threadsafe(disconnect(), loop)
        try:
            future.result(10)
            break
        except concurrent.futures.TimeoutError:
            log("the loop is blocked")
