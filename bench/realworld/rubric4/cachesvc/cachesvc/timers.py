import asyncio
from typing import Awaitable, Callable


def call_later(delay: float, func: Callable[[], Awaitable[None]]) -> asyncio.Task:
    """Run `func` after `delay` seconds; the caller owns the returned task."""

    async def _run() -> None:
        await asyncio.sleep(delay)
        await func()

    return asyncio.create_task(_run())
