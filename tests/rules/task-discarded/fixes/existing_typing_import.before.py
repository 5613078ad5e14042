import asyncio
from typing import Callable, Optional


def schedule(work: Callable[[], None], delay: Optional[float] = None) -> None:
    async def later() -> None:
        await asyncio.sleep(delay or 0)
        work()

    asyncio.ensure_future(later())
