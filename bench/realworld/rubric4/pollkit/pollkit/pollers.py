import asyncio
import json
from typing import Any, Dict, Optional

from .base import BasePoller


async def http_get_json(host: str, path: str) -> Any:
    reader, writer = await asyncio.open_connection(host, 80)
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    raw = await reader.read()
    writer.close()
    return json.loads(raw.split(b"\r\n\r\n", 1)[1] or b"null")


class PricePoller(BasePoller):
    """Polls prices and refreshes the currency table on its own, slower, schedule."""

    interval = 10.0

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host
        self.rates: Dict[str, float] = {}
        self._refresh_task: Optional[asyncio.Task] = None

    async def fetch(self) -> Any:
        return await http_get_json(self.host, "/prices")

    def start(self) -> None:
        super().start()
        self._refresh_task = asyncio.create_task(self._refresh_rates())

    async def _refresh_rates(self) -> None:
        while True:
            self.rates = await http_get_json(self.host, "/rates")
            await asyncio.sleep(600)

    async def stop(self) -> None:
        await super().stop()


class InventoryPoller(BasePoller):
    """Polls stock levels and reports how stale the last poll is."""

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host
        self.last_ok = 0.0
        self._staleness_task: Optional[asyncio.Task] = None

    async def fetch(self) -> Any:
        data = await http_get_json(self.host, "/stock")
        self.last_ok = asyncio.get_running_loop().time()
        return data

    def start(self) -> None:
        super().start()
        self._staleness_task = asyncio.create_task(self._watch_staleness())

    async def _watch_staleness(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(60)
            if loop.time() - self.last_ok > 5 * self.interval:
                print(f"inventory from {self.host} is stale")

    async def stop(self) -> None:
        if self._staleness_task is not None:
            self._staleness_task.cancel()
        await super().stop()
