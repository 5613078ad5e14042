"""A race is asyncio's `wait`: the same call on an object nobody typed is a hand-off not followed."""
import asyncio
from asyncio import FIRST_COMPLETED


async def work() -> None:
    await asyncio.sleep(1)


async def first_of_two() -> None:
    a = asyncio.create_task(work())
    b = asyncio.create_task(work())
    await asyncio.wait([a, b], return_when=FIRST_COMPLETED)


async def first_of_two_by_a_pool(pool) -> None:
    a = asyncio.create_task(work())
    b = asyncio.create_task(work())
    await pool.wait([a, b], return_when=FIRST_COMPLETED)
