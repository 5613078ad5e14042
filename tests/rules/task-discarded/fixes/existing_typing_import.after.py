import asyncio
from typing import Any, Callable, Optional

_background_tasks: set[asyncio.Future[Any]] = set()


def schedule(work: Callable[[], None], delay: Optional[float] = None) -> None:
    async def later() -> None:
        await asyncio.sleep(delay or 0)
        work()

    task = asyncio.ensure_future(later())
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
