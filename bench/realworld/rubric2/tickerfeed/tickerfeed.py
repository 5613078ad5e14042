"""Price and quote feeds that can be restarted on a subscription change."""
import asyncio
import logging

log = logging.getLogger(__name__)


class PriceFeed:
    def __init__(self, symbols: list[str]) -> None:
        self.symbols = symbols
        self._task: asyncio.Task | None = None
        self.closed = False

    def start(self) -> None:
        self._task = asyncio.create_task(self._stream())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def resubscribe(self, symbols: list[str]) -> None:
        self.symbols = symbols
        self.stop()
        self.start()

    async def _stream(self) -> None:
        while True:
            await asyncio.sleep(1)
            for symbol in self.symbols:
                self._on_tick(symbol, 1.0)

    def _on_tick(self, symbol: str, price: float) -> None:
        asyncio.create_task(self._store(symbol, price))

    async def _store(self, symbol: str, price: float) -> None:
        log.debug("%s=%s", symbol, price)

    async def close(self) -> None:
        self.closed = True


class QuoteFeed:
    def __init__(self, symbols: list[str]) -> None:
        self.symbols = symbols
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._stream())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def resubscribe(self, symbols: list[str]) -> None:
        self.symbols = symbols
        self.stop()
        self.start()

    async def _stream(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        self.stop()
