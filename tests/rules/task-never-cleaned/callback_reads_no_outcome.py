"""Near miss of task-tracked/outcome_read_by_a_done_callback: the done-callback only logs that
the task finished; it reads neither its result nor its exception, so an error is lost and
nothing awaits or cancels the task."""

import asyncio
import logging


async def refresh() -> None:
    await asyncio.sleep(0)


class Cache:
    def refresh_soon(self) -> None:
        self._refresh = asyncio.create_task(refresh())
        self._refresh.add_done_callback(lambda task: logging.debug("refreshed"))
