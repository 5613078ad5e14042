"""Two lists of tasks joined with `+` and waited together: the wait has every task."""

import asyncio
from collections.abc import Awaitable, Callable


async def fetch_all(readers: list[Callable[[], Awaitable[None]]],
                    writers: list[Callable[[], Awaitable[None]]]) -> None:
    reading = [asyncio.create_task(read()) for read in readers]
    writing = [asyncio.create_task(write()) for write in writers]
    await asyncio.gather(*(reading + writing))
