"""tracked-set with the project's own helper (keep-helper = "runkit.keep")."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
KEEP_HELPER = "runkit.keep"
EXPECTED_DONE = 2


async def post(message: str) -> None:
    await gate()
    done(message)


def on_message(loop: asyncio.AbstractEventLoop, message: str) -> None:
    asyncio.create_task(post(message))
    loop.call_soon(lambda: asyncio.create_task(post(message + "!")))


async def drive_start() -> None:
    on_message(asyncio.get_running_loop(), "hello")
