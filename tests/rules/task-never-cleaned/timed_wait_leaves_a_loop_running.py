"""A wait that gives up at its timeout leaves its task running, and nothing cancels it after:
for a task whose function loops until it is cancelled, that is for good (medium). The near
misses, the same waits of a function that ends by itself, are left to finish by itself at the
timeout (low, RUBRIC convention 4): `threadsafe_result_times_out`, `raced_on_close_only`,
`shielded_work_under_a_timeout` and `wait_leaves_losers`' `sync`. What a function the project
does not define runs is not followed (`refresh_all()` of a library, a coroutine given as a
parameter): what cannot be resolved is low, and its words say what was not followed."""

import asyncio
import concurrent.futures
from typing import Any, Coroutine

from thirdparty.cache import refresh_all


async def pump(queue: asyncio.Queue[bytes]) -> None:
    while True:
        await queue.put(b"tick")
        await asyncio.sleep(1)


def pump_from_a_thread(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[bytes]) -> None:
    future = asyncio.run_coroutine_threadsafe(pump(queue), loop)
    try:
        future.result(timeout=10)
    except concurrent.futures.TimeoutError:
        pass


async def pump_for_a_while(queue: asyncio.Queue[bytes]) -> None:
    await asyncio.wait([asyncio.create_task(pump(queue))], timeout=5)


async def pump_first_of_one(queue: asyncio.Queue[bytes]) -> None:
    # FIRST_COMPLETED of one task returns only when it is done: a wait that gives up only at
    # its timeout, as above
    await asyncio.wait([asyncio.create_task(pump(queue))], timeout=5,
                       return_when=asyncio.FIRST_COMPLETED)


async def pump_shielded(queue: asyncio.Queue[bytes]) -> None:
    try:
        await asyncio.wait_for(asyncio.shield(pump(queue)), timeout=5)
    except asyncio.TimeoutError:
        pass


async def pump_until_done(queue: asyncio.Queue[bytes]) -> None:
    """Near miss: the timeout's handler cancels what the wait leaves."""
    task = asyncio.create_task(pump(queue))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=5)
    except asyncio.TimeoutError:
        task.cancel()


def refresh_from_a_thread(loop: asyncio.AbstractEventLoop) -> None:
    """Not the project's: whether it ends by itself is not known (low, said so)."""
    asyncio.run_coroutine_threadsafe(refresh_all(), loop).result(timeout=10)


async def run_for_a_while(work: Coroutine[Any, Any, None]) -> None:
    """The caller's coroutine: not followed here (low, said so)."""
    await asyncio.wait([asyncio.create_task(work)], timeout=5)
