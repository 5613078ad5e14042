import asyncio
from typing import Any, Awaitable


async def first_of(*aws: Awaitable[Any], timeout: float | None = None) -> Any:
    """Result of whichever awaitable finishes first."""
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    done, _pending = await asyncio.wait(tasks, timeout=timeout,
                                        return_when=asyncio.FIRST_COMPLETED)
    if not done:
        raise asyncio.TimeoutError()
    return done.pop().result()
