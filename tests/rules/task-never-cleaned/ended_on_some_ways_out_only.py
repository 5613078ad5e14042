"""A local's task ended on some ways out of its function only: cancelled after a `return` that
can leave first, or only in an `except` handler, so the normal way out leaves it. RUBRIC's
end-skipped (convention 4): a coroutine that runs until cancelled is left running for good
(medium); one that finishes by itself is only left to finish (low, the way out named). The near
misses: an end that only an `if` reaches (`if wait: await t`), which the function skips by its
own choice (dropped, high), and a `finally` that ends it on every way out."""

import asyncio


async def beacon() -> None:
    while True:
        await asyncio.sleep(1)


async def ping() -> None:
    await asyncio.sleep(1)


async def handshake(ok: bool) -> bool:
    await asyncio.sleep(0)
    return ok


async def serve(ok: bool) -> None:
    beat = asyncio.create_task(beacon())
    if not await handshake(ok):
        return
    await asyncio.sleep(10)
    beat.cancel()


async def serve_once(ok: bool) -> None:
    probe = asyncio.create_task(ping())
    if not await handshake(ok):
        return
    probe.cancel()


async def run_until_interrupted(stopped: asyncio.Event) -> None:
    sweeper = asyncio.create_task(beacon())
    try:
        await stopped.wait()
    except KeyboardInterrupt:
        sweeper.cancel()


async def play(wait: bool) -> None:
    # near miss: ended only if the caller asks to wait; otherwise dropped by choice
    player = asyncio.create_task(beacon())
    if wait:
        player.cancel()


async def serve_finally(ok: bool) -> None:
    # near miss: the `finally` ends it on every way out
    beat = asyncio.create_task(beacon())
    try:
        if not await handshake(ok):
            return
        await asyncio.sleep(10)
    finally:
        beat.cancel()
