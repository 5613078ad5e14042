"""tracked-set through the keep-helper: a callback lambda spawns; the loop drops its result."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 2


async def post(message: str) -> None:
    await gate()
    done(message)


def schedule(loop: asyncio.AbstractEventLoop, message: str) -> None:
    loop.call_soon(lambda: asyncio.create_task(post(message)))


async def drive_start() -> None:
    loop = asyncio.get_running_loop()
    schedule(loop, "a")
    schedule(loop, "b")
