"""A heartbeat that runs until cancelled, cancelled only after the work it accompanies: if the
work raises, or the function is cancelled while it waits for it, the function leaves with the
heartbeat running for good (issue 69's convention: an end an error or a cancellation can skip
is medium for a task that runs until cancelled). The near misses: the cancel in a `finally`;
nothing between the spawn and its end that awaits or raises; a task that ends by itself (only
late: low); a `raise` between (the same medium)."""

import asyncio


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(5)


async def ping_once() -> None:
    await asyncio.sleep(5)


async def work() -> None:
    await asyncio.sleep(1)


async def serve() -> None:
    beat = asyncio.create_task(heartbeat())
    await work()
    beat.cancel()


async def serve_safely() -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    finally:
        beat.cancel()


async def serve_then_stop() -> None:
    beat = asyncio.create_task(heartbeat())
    beat.cancel()
    await work()


async def serve_once() -> None:
    ping = asyncio.create_task(ping_once())
    await work()
    await ping


def check(ok: bool) -> None:
    beat = asyncio.get_running_loop().create_task(heartbeat())
    if not ok:
        raise ValueError("not ok")
    beat.cancel()


async def serve_until_stopped(stop: asyncio.Event) -> None:
    # a race: the losers are cancelled only after the wait returns; a cancel of this waiter
    # leaves the heartbeat running for good (the `stop.wait()` task ends by itself: only late)
    beat = asyncio.create_task(heartbeat())
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({beat, stopping}, return_when=asyncio.FIRST_COMPLETED)
    beat.cancel()
    stopping.cancel()
