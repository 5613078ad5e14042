"""bed-apy (dev66): `connect()` spawns three loops into locals and stores them as one tuple in a
module global it declares `global`; `close()` cancels each task of that tuple. A store into a
global, as into an attribute: each task is kept and ended."""

import asyncio

queue_tasks = None
server_task = None


async def _loop() -> None:
    while True:
        await asyncio.sleep(1)


async def connect() -> None:
    global queue_tasks, server_task
    read_task = asyncio.create_task(_loop())
    write_task = asyncio.create_task(_loop())
    queue_tasks = (read_task, write_task)
    task = asyncio.create_task(_loop())
    server_task = task


async def close() -> None:
    if queue_tasks:
        for task in queue_tasks:
            task.cancel()
    if server_task:
        server_task.cancel()
