"""Near miss of task-tracked/race_losers_handed_to_an_import.py: the losers are handed, after
the wait, to a function of this module that only reads their names; that function is followed,
and it ends nothing, so they are still left running. And a hand-off the wait's timeout skips:
what `reader.drain()` runs is not followed (a parameter's method), so low, said so (RUBRIC
convention 7)."""

import asyncio

from .aio import cancel_and_wait


def note(*tasks: asyncio.Task[None]) -> None:
    for task in tasks:
        print(task.get_name())


async def pump(ws, outbox) -> None:
    tasks = [asyncio.create_task(ws.receive()),
             asyncio.create_task(outbox.drain(ws))]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        note(*tasks)


async def drain_then_stop(reader) -> None:
    # the wait's timeout is not caught here: it leaves before the hand-off, the task running
    monitor = asyncio.create_task(reader.drain())
    await asyncio.wait_for(asyncio.shield(monitor), timeout=1.0)
    await cancel_and_wait(monitor)
