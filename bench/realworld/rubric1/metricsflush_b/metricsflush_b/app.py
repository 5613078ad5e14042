from __future__ import annotations

import asyncio
import logging

from .exporter import Exporter

log = logging.getLogger(__name__)


class MetricsApp:
    def __init__(self, endpoint: str) -> None:
        self.exporter = Exporter(endpoint)
        self.running = False
        self._watch: asyncio.Task[None] | None = None

    async def _announce(self) -> None:
        await asyncio.sleep(0)
        log.info("metrics app up, exporting to %s", self.exporter.endpoint)

    async def start(self) -> None:
        self.running = True
        self.exporter.start()
        await self._announce()
        self._watch = asyncio.create_task(self._watch_config())

    async def _watch_config(self) -> None:
        while True:
            await asyncio.sleep(30)
            log.debug("config check for %s", self.exporter.endpoint)

    def reconfigure(self, endpoint: str, interval: float) -> None:
        self.exporter.stop()
        self.exporter.endpoint = endpoint
        self.exporter.interval = interval
        self.exporter.start()

    async def shutdown(self) -> None:
        self.running = False
        self.exporter.stop()
        log.info("metrics app down")
