import asyncio
import logging

log = logging.getLogger(__name__)


class ReconnectMixin:
    _reconnect_task: asyncio.Task | None = None
    reconnect_delay: float = 1.0

    async def connect(self) -> None:
        raise NotImplementedError

    def _schedule_reconnect(self) -> None:
        if self._reconnect_task is not None and not self._reconnect_task.done():
            return
        self._reconnect_task = asyncio.create_task(self._reconnect_until_up())

    async def _reconnect_until_up(self) -> None:
        while True:
            try:
                await self.connect()
                return
            except OSError:
                log.warning("reconnect failed, retrying in %.1fs", self.reconnect_delay)
                await asyncio.sleep(self.reconnect_delay)
