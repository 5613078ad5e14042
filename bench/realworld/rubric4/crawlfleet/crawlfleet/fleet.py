import asyncio
import logging
from typing import Awaitable, Callable, Dict

from .sites import Site

log = logging.getLogger(__name__)

Sink = Callable[[str, bytes], Awaitable[None]]


async def _fetch(host: str, path: str) -> bytes:
    reader, writer = await asyncio.open_connection(host, 80)
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    body = await reader.read()
    writer.close()
    return body


class Fleet:
    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._crawlers: Dict[str, asyncio.Task] = {}

    def apply(self, sites: Dict[str, Site]) -> None:
        for host in list(self._crawlers):
            if host not in sites:
                self._crawlers.pop(host).cancel()
        for host, site in sites.items():
            old = self._crawlers.pop(host, None)
            if old is not None:
                old.cancel()
            self._crawlers[host] = asyncio.create_task(self._crawl(site))

    async def _crawl(self, site: Site) -> None:
        while True:
            try:
                body = await _fetch(site.host, site.start_path)
            except OSError:
                log.warning("fetch failed for %s", site.host)
            else:
                asyncio.ensure_future(self._sink(f"http://{site.host}{site.start_path}", body))
            await asyncio.sleep(site.delay)

    async def shutdown(self) -> None:
        tasks = list(self._crawlers.values())
        self._crawlers.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
