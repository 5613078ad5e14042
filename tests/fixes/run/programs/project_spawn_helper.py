"""tracked-set with the project's own spawning helper (spawn-helper = "runkit.spawn"); a
spawn it cannot replace (a named task) goes through its keep-helper."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
SPAWN_HELPER = "runkit.spawn"
KEEP_HELPER = "runkit.keep"
EXPECTED_DONE = 3


async def post(message: str) -> None:
    await gate()
    done(message)


def on_message(loop: asyncio.AbstractEventLoop, message: str) -> None:
    asyncio.create_task(post(message))
    loop.call_soon(lambda: asyncio.ensure_future(post(message + "!")))
    asyncio.create_task(post(message + "?"), name="named")


async def drive_start() -> None:
    on_message(asyncio.get_running_loop(), "hello")
