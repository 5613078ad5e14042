"""A local task waited for with `asyncio.wait([...])` (every task to its end): unlike
`asyncio.gather()` or an `await` of the task, that wait does not cancel what it waits for when
the waiting function is cancelled. A pump that runs until cancelled makes that wait the only
way out of `serve()`, and a cancel there leaves it running for good (TL201 medium, RUBRIC
convention 4). Near misses: a job that finishes by itself is only late on that way out
(TL001, its words say where); the same pump waited for with `gather()` is cancelled with its
waiter (TL001); and one whose wait sits in a `try` whose `finally` cancels it (TL001)."""

import asyncio


async def pump() -> None:
    while True:
        await asyncio.sleep(1)


async def job() -> None:
    await asyncio.sleep(1)


async def serve() -> None:
    task = asyncio.create_task(pump())
    await asyncio.wait([task])


async def run_job() -> None:
    task = asyncio.create_task(job())
    await asyncio.wait([task])


async def serve_gathered() -> None:
    task = asyncio.create_task(pump())
    await asyncio.gather(task)


async def serve_guarded() -> None:
    task = asyncio.create_task(pump())
    try:
        await asyncio.wait([task])
    finally:
        task.cancel()
