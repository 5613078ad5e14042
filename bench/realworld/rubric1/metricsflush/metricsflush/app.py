from __future__ import annotations

import asyncio
import logging

from .exporter import Exporter

log = logging.getLogger(__name__)


class MetricsApp:
    def __init__(self, endpoint: str) -> None:
        self.exporter = Exporter(endpoint)
        self.running = False

    async def _announce(self) -> None:
        await asyncio.sleep(0)
        log.info("metrics app up, exporting to %s", self.exporter.endpoint)

    async def start(self) -> None:
        self.running = True
        self.exporter.start()
        asyncio.create_task(self._announce())

    def reconfigure(self, endpoint: str, interval: float) -> None:
        self.exporter.stop()
        self.exporter.endpoint = endpoint
        self.exporter.interval = interval
        self.exporter.start()

    async def shutdown(self) -> None:
        self.running = False
        log.info("metrics app down")
