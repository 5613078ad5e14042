"""Losers of a race handed, after the wait, to a function of another module: what it does
with them is not followed, so no claim is made about their end (issue 23, kind 1)."""

import asyncio
import contextlib

from .aio import cancel_and_wait


async def pump(ws, outbox) -> None:
    send = asyncio.create_task(outbox.drain(ws))
    tasks = [asyncio.create_task(ws.receive()), send]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        await cancel_and_wait(*tasks)


async def first_of(a, b) -> None:
    left = asyncio.create_task(a())
    right = asyncio.create_task(b())
    await asyncio.wait([left, right], timeout=5)
    await cancel_and_wait(left, right)


def cancel_all(*tasks: asyncio.Task[None]) -> None:
    for task in tasks:
        task.cancel()


async def race_then_cancel(a, b) -> None:
    # unpacked into this module's own `*tasks` parameter, which is followed: it cancels them
    tasks = [asyncio.create_task(a()),
             asyncio.create_task(b())]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        cancel_all(*tasks)


async def drain_then_stop(reader) -> None:
    # a timeout is suppressed around the shielded wait, so the hand-off after it always runs
    monitor = asyncio.create_task(reader.drain())
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.shield(monitor), timeout=1.0)
    await cancel_and_wait(monitor)
