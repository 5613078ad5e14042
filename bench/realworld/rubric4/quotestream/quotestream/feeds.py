import asyncio

from .base import QuoteStream


class FxStream(QuoteStream):
    """FX feed: the reader also asks for the full book on every (re)start."""

    def _start_reader(self) -> None:
        self._reader_task = asyncio.create_task(self._read_with_book())

    async def _read_with_book(self) -> None:
        self.latest = {"book": "requested"}
        await self._read()


class EquityStream(QuoteStream):
    """Equity feed: restarts are logged and counted."""

    restarts = 0

    def _start_reader(self) -> None:
        self.restarts += 1
        if self._reader_task is not None and not self._reader_task.done():
            self._reader_task.cancel()
        self._reader_task = asyncio.create_task(self._read_counted())

    async def _read_counted(self) -> None:
        await self._read()
