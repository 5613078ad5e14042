"""A done-callback that reads the outcome does not make any kept task ended: this one is started
by start(), not by the closing, and close() leaves it running."""

import asyncio
import logging

log = logging.getLogger(__name__)


class Poller:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    async def _poll(self) -> None:
        await asyncio.sleep(30)

    def _done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("poll failed", exc_info=task.exception())

    def start(self) -> None:
        self._task = asyncio.create_task(self._poll())
        self._task.add_done_callback(self._done)

    def close(self) -> None:
        log.info("closed")
