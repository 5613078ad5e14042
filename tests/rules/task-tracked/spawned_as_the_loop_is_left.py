"""A task spawned by the block that leaves the loop (`...; break`), kept in a local and returned
after the loop: the loop spawns it at most once, so no earlier task is dropped by rebinding.
Near miss: task-overwritten/rebound_in_loop.py (spawned on every iteration)."""

import asyncio


async def consume(events, blocking: bool) -> tuple[int, asyncio.Task[None] | None]:
    seen = 0
    background: asyncio.Task[None] | None = None
    async for event in events:
        seen += 1
        if not blocking or event.interrupting:
            background = asyncio.create_task(drain(events))
            break
    return seen, background


async def drain(events) -> None:
    async for _ in events:
        pass
