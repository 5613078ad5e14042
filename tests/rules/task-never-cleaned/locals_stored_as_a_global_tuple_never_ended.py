"""The near misses of task-tracked's `locals_stored_as_a_global_tuple`: a global tuple of tasks
that nothing cancels keeps them running for good (TL201); without the `global` declaration the
tuple is a local of `connect()`, dropped with it (TL101)."""

import asyncio

queue_tasks = None


async def _loop() -> None:
    while True:
        await asyncio.sleep(1)


async def connect() -> None:
    global queue_tasks
    read_task = asyncio.create_task(_loop())
    write_task = asyncio.create_task(_loop())
    queue_tasks = (read_task, write_task)


async def reconnect() -> None:
    read_task = asyncio.create_task(_loop())
    queue_tasks = (read_task,)
    print(len(queue_tasks))
