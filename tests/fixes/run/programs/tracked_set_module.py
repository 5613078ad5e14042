"""tracked-set, module level: a plain function spawns and drops the task."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 2


async def post(message: str) -> None:
    await gate()
    done(message)


def on_message(message: str) -> None:
    asyncio.create_task(post(message))


async def drive_start() -> None:
    on_message("hello")
    on_message("world")
