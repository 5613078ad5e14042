"""tracked-set through the keep-helper: spawns in a conditional expression, a walrus, the
headers of if and while, and an argument of another call keep their values."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 5
SEEN: list[str] = []


async def refresh(label: str) -> str:
    await gate()
    done(label)
    return label


async def on_tick(ready: bool) -> None:
    latest = asyncio.create_task(refresh("conditional")) if ready else None
    if ready and (task := asyncio.create_task(refresh("walrus"))):
        SEEN.append(task.get_name())
    if asyncio.create_task(refresh("if")):
        SEEN.append("if")
    while ready and asyncio.create_task(refresh("while")):
        ready = False
    SEEN.append(repr(asyncio.ensure_future(refresh("argument")))[1:5])


async def drive_start() -> None:
    await on_tick(True)
    assert SEEN[1:] == ["if", "Task"], SEEN
