import asyncio
import logging
from typing import Optional

log = logging.getLogger(__name__)


class ReconnectMixin:
    """Reconnects after a back-off. The host class provides `_open()`."""

    backoff = 2.0
    _reconnect_task: Optional[asyncio.Task] = None

    async def _open(self) -> None:
        raise NotImplementedError

    def _schedule_reconnect(self) -> None:
        self._reconnect_task = asyncio.create_task(self._reconnect_after(self.backoff))

    async def _reconnect_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await self._open()
        except OSError:
            log.warning("reconnect failed")
