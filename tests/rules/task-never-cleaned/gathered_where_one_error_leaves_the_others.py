"""A service runs its workers, which loop until cancelled, and waits for them with
`await asyncio.gather(*tasks)`: the first error of any worker propagates out of the gather,
which does not cancel the others, and `run()` is left with them running and kept by nothing
(the `except KeyboardInterrupt` does not catch that error): medium (RUBRIC convention 4). The
same for two named tasks. Near misses: a `finally` that cancels them, `return_exceptions=True`
(an error is collected, not raised), work that finishes by itself (only late: low), and one
task (its error is its own end)."""

import asyncio


async def worker(n: int) -> None:
    while True:
        await asyncio.sleep(n)


async def job(n: int) -> None:
    await asyncio.sleep(n)


async def run_workers() -> None:
    tasks = [asyncio.create_task(worker(n)) for n in range(3)]
    try:
        await asyncio.gather(*tasks)
    except KeyboardInterrupt:
        for task in tasks:
            task.cancel()


async def reader_and_writer() -> None:
    reader = asyncio.create_task(worker(1))
    writer = asyncio.create_task(worker(2))
    await asyncio.gather(reader, writer)


async def run_workers_safely() -> None:
    tasks = [asyncio.create_task(worker(n)) for n in range(3)]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()


async def run_workers_collecting_errors() -> None:
    tasks = [asyncio.create_task(worker(n)) for n in range(3)]
    await asyncio.gather(*tasks, return_exceptions=True)


async def run_jobs() -> None:
    tasks = [asyncio.create_task(job(n)) for n in range(3)]
    await asyncio.gather(*tasks)


async def one_worker() -> None:
    only = asyncio.create_task(worker(1))
    await asyncio.gather(only)
