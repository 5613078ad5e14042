"""A thread hands work to the event loop and blocks on the concurrent Future it gets back: its
`.result()` waits (unlike an asyncio Task's). With a timeout it may give up: cancelled then, it
is ended either way (left running, it is TL201's `threadsafe_result_times_out`)."""

import asyncio
import concurrent.futures
from collections.abc import Callable


async def flush() -> None:
    await asyncio.sleep(0)


def stop_or_give_up(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(flush(), loop)
    try:
        future.result(timeout=30)
    except concurrent.futures.TimeoutError:
        future.cancel()
        raise


def stop(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(flush(), loop)
    future.result()


def stop_without_timeout(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(flush(), loop)
    future.result(None)


def stop_at_once(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.run_coroutine_threadsafe(flush(), loop).result()


def heartbeat(loop: asyncio.AbstractEventLoop, log: Callable[[str], None]) -> None:
    """A timeout caught in a loop only the wait's success leaves: it waits again until done."""
    future = asyncio.run_coroutine_threadsafe(flush(), loop)
    while True:
        try:
            future.result(10)
            break
        except concurrent.futures.TimeoutError:
            log("the loop is blocked")
