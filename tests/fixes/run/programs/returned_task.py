"""tracked-set at a call that drops the task another function returns (the project join's
finding): the caller keeps what schedule() hands back."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 3


async def notify(listener: str) -> None:
    await gate()
    done(listener)


def schedule(listener: str) -> "asyncio.Task[None]":
    return asyncio.create_task(notify(listener))


def dispatch(listeners: list[str]) -> None:
    for listener in listeners:
        schedule(listener)


async def drive_start() -> None:
    dispatch(["a", "b", "c"])
