"""A monitor starts three pollers that run until cancelled, waits for them with a timeout, and
cancels the pending ones after the wait: a cancel of `watch()` while it waits leaves all three
running (RUBRIC conventions 2 and 4: medium for a coroutine that runs until cancelled), whether
the tasks sit in a list, as here, or in named locals. Near misses: the same race over work that
finishes by itself (only late: low), the cancel in a `finally` (ended on every way out), and
the race in the coroutine `asyncio.run()` runs, which cancels what it leaves running (low)."""

import asyncio


async def poll(n: int) -> None:
    while True:
        await asyncio.sleep(n)


async def fetch(n: int) -> None:
    await asyncio.sleep(n)


async def watch() -> None:
    tasks = [asyncio.create_task(poll(n)) for n in range(3)]
    done, pending = await asyncio.wait(tasks, timeout=5)
    for task in pending:
        task.cancel()


async def fetch_all() -> None:
    tasks = [asyncio.create_task(fetch(n)) for n in range(3)]
    done, pending = await asyncio.wait(tasks, timeout=5)
    for task in pending:
        task.cancel()


async def watch_safely() -> None:
    tasks = [asyncio.create_task(poll(n)) for n in range(3)]
    try:
        await asyncio.wait(tasks, timeout=5)
    finally:
        for task in tasks:
            task.cancel()


async def watch_until_the_runner_ends() -> None:
    tasks = [asyncio.create_task(poll(n)) for n in range(3)]
    done, pending = await asyncio.wait(tasks, timeout=5)
    for task in pending:
        task.cancel()


def main() -> None:
    asyncio.run(watch_until_the_runner_ends())
