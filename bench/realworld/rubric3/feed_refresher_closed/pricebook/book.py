import asyncio
import logging

from .source import PriceSource

log = logging.getLogger(__name__)


class PriceBook:
    def __init__(self, source: PriceSource, period: float = 30.0) -> None:
        self._source = source
        self._period = period
        self.prices: dict[str, float] = {}
        self._loop_task: asyncio.Task | None = None

    def _start(self) -> None:
        self._loop_task = asyncio.create_task(self._loop())

    def _stop(self) -> None:
        if self._loop_task is not None:
            self._loop_task.cancel()
            self._loop_task = None

    def refresh_now(self) -> None:
        self._stop()
        self._start()

    async def _loop(self) -> None:
        while True:
            try:
                self.prices = await self._source.fetch()
            except Exception:
                log.exception("price fetch failed")
            await asyncio.sleep(self._period)

    async def open(self) -> None:
        await self._source.connect()
        self.refresh_now()

    async def close(self) -> None:
        self._stop()
        await self._source.disconnect()
