"""task-group (unsafe): spawns inside a task group's block move into the group, which then
waits for them."""

import asyncio

from runkit import done, gate

FIX = "task-group"
PYTHON = (3, 11)  # asyncio.TaskGroup
UNSAFE = True
EXPECTED_DONE = 3


async def work(item: int) -> None:
    await gate()
    done(str(item))


async def fan_out(items: list[int]) -> None:
    async with asyncio.TaskGroup() as tg:
        for item in items:
            asyncio.create_task(work(item))


async def drive_start() -> object:
    # the caller runs as a task of its own, kept by the harness while the group waits
    return asyncio.ensure_future(fan_out([1, 2, 3]))
