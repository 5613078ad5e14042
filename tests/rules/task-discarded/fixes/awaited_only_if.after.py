import asyncio
from typing import Any

_background_tasks: set[asyncio.Future[Any]] = set()


async def shutdown(kernel: str) -> None:
    await asyncio.sleep(0)


async def swap(old: str, pending: bool) -> None:
    fut = asyncio.ensure_future(shutdown(old))
    _background_tasks.add(fut)
    fut.add_done_callback(_background_tasks.discard)
    if not pending:
        await fut
    print("swapped")
