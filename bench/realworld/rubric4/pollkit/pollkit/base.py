import asyncio
import logging
from typing import Any, Optional

log = logging.getLogger(__name__)


class BasePoller:
    """Polls a source every `interval` seconds and hands each result to `handle`."""

    interval = 30.0

    def __init__(self) -> None:
        self._poll_task: Optional[asyncio.Task] = None

    async def fetch(self) -> Any:
        raise NotImplementedError

    async def handle(self, result: Any) -> None:
        log.debug("polled %r", result)

    def start(self) -> None:
        if self._poll_task is None:
            self._poll_task = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            try:
                await self.handle(await self.fetch())
            except Exception:
                log.exception("%s poll failed", type(self).__name__)
            await asyncio.sleep(self.interval)

    async def stop(self) -> None:
        if self._poll_task is not None:
            self._poll_task.cancel()
            try:
                await self._poll_task
            except asyncio.CancelledError:
                pass
            self._poll_task = None
