import asyncio
from typing import Any, Awaitable


async def first_completed(*aws: Awaitable[Any], timeout: float | None = None) -> Any:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        done, _ = await asyncio.wait(tasks, timeout=timeout,
                                     return_when=asyncio.FIRST_COMPLETED)
        if not done:
            raise asyncio.TimeoutError()
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
