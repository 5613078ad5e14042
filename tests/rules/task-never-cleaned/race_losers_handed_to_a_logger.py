"""Near miss of task-tracked/race_losers_handed_to_an_import.py: the losers are handed, after
the wait, to a function of this module that only reads their names; that function is followed,
and it ends nothing, so they are still left running."""

import asyncio


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
