import asyncio
import signal
from typing import Set

from .fleet import Fleet
from .sites import read_sites


async def store_page(url: str, body: bytes) -> None:
    await asyncio.sleep(0)


class CrawlerApp:
    def __init__(self, sites_path: str) -> None:
        self.sites_path = sites_path
        self.fleet = Fleet(store_page)
        self._reloads: Set[asyncio.Task] = set()
        self._stop = asyncio.Event()

    def _on_hup(self) -> None:
        task = asyncio.create_task(self._reload())
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)

    async def _reload(self) -> None:
        sites = await asyncio.to_thread(read_sites, self.sites_path)
        self.fleet.apply(sites)

    async def main(self) -> None:
        loop = asyncio.get_running_loop()
        self.fleet.apply(read_sites(self.sites_path))
        loop.add_signal_handler(signal.SIGHUP, self._on_hup)
        loop.add_signal_handler(signal.SIGINT, self._stop.set)
        try:
            await self._stop.wait()
        finally:
            await self.fleet.shutdown()
