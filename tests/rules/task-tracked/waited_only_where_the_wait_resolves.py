"""`pool.wait(task)` of an object nobody typed: not followed, and not said to be waited."""
import asyncio
from asyncio import gather as collect
from asyncio import wait


async def work() -> None:
    await asyncio.sleep(1)


async def handed(pool) -> None:
    task = asyncio.create_task(work())
    await pool.wait([task])


async def waited() -> None:
    task = asyncio.create_task(work())
    await wait([task])


def run_here() -> None:
    loop = asyncio.new_event_loop()
    task = loop.create_task(work())
    loop.run_until_complete(task)


def run_on(runner) -> None:
    task = runner.loop.create_task(work())
    runner.loop.run_until_complete(task)


async def waited_under_another_name() -> None:
    task = asyncio.create_task(work())
    await collect(task)
