"""An asyncio Task's `.result()` read unconditionally says the task is done there: if it is not,
the read raises, loudly. It is not worded as a wait (only a concurrent Future's `.result()`
blocks); read under a `done()` check instead, it ends nothing (see task-never-cleaned)."""

import asyncio


async def warm_up() -> int:
    return 1


def start(loop: asyncio.AbstractEventLoop) -> int:
    task = loop.create_task(warm_up())
    loop.run_forever()
    return task.result()
