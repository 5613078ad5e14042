"""Near miss of task-tracked/spawned_as_the_loop_is_left.py: the loop is left by a `break` in a
block of its own, so the spawn before it runs on every iteration until then, and each one
rebinds the local over the last."""

import asyncio


async def consume(events) -> asyncio.Task[None] | None:
    background: asyncio.Task[None] | None = None
    async for event in events:
        background = asyncio.create_task(handle(event))
        if event.last:
            break
    return background


async def handle(event) -> None:
    await asyncio.sleep(0)
