"""Fetch three values and send each as soon as it is ready: `while pending:` waits the losers
again until none is left, so nothing is left running."""

import asyncio


async def fetch(n: int) -> int:
    await asyncio.sleep(n)
    return n


async def fetch_all(connection) -> None:
    pending = {asyncio.create_task(fetch(n)) for n in range(3)}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            connection.send(task.result())
