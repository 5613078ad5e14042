"""A loop returned by util.py's `asyncio_loop(...)` (annotated there): a task it makes and a
nested function drops is lost (high). The near miss: `pool_of(...)` returns the project's Pool,
not a loop: its `create_task` is no spawn here (the Pool's own, in util.py, is judged there)."""

import asyncio
from typing import Any

from app.util import asyncio_loop, pool_of


class Session:
    def __init__(self, source: Any) -> None:
        self._source = source

    def notify(self) -> None:
        loop = asyncio_loop(self._source)

        def schedule() -> None:
            task = loop.create_task(self._notify())
            task.add_done_callback(lambda t: None)

        loop.call_soon_threadsafe(schedule)

    def submit(self) -> None:
        pool = pool_of(self._source)
        pool.create_task(self._notify())

    async def _notify(self) -> None:
        await asyncio.sleep(0)
