import asyncio
import logging
import random
from typing import Optional

log = logging.getLogger(__name__)


class BackoffReconnector:
    """Mixin: one reconnect attempt at a time, with jittered exponential back-off."""

    _reconnect_task: Optional[asyncio.Task] = None
    _attempt = 0

    async def _open(self) -> None:
        raise NotImplementedError

    def _schedule_reconnect(self) -> None:
        if self._reconnect_task is not None and not self._reconnect_task.done():
            return
        self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        while True:
            self._attempt += 1
            await asyncio.sleep(min(30.0, 2 ** self._attempt) * random.uniform(0.5, 1.0))
            try:
                await self._open()
            except OSError:
                log.warning("reconnect attempt %d failed", self._attempt)
                continue
            self._attempt = 0
            return
