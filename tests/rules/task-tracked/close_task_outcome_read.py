"""A connection whose close() starts its shutdown as a task and lets it run: the task is the
close itself (cancelling it on close would stop the shutdown), it ends by itself, and the
done-callback reads its outcome, so its errors are seen."""

import asyncio
import logging

log = logging.getLogger(__name__)


class Connection:
    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer
        self._close_task: asyncio.Task[None] | None = None

    async def _shutdown(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()

    def _closed(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("closing the connection failed", exc_info=task.exception())

    def close(self) -> None:
        if self._close_task is None:
            self._close_task = asyncio.create_task(self._shutdown())
            self._close_task.add_done_callback(self._closed)
