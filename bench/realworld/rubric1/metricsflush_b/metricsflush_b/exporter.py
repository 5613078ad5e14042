from __future__ import annotations

import asyncio
import logging
from collections import Counter

log = logging.getLogger(__name__)


class Exporter:
    """Pushes counters to a collector every `interval` seconds."""

    def __init__(self, endpoint: str, interval: float = 10.0) -> None:
        self.endpoint = endpoint
        self.interval = interval
        self.counters: Counter[str] = Counter()
        self._flush_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._flush_task = asyncio.create_task(self._flush_forever())

    def stop(self) -> None:
        if self._flush_task is not None:
            self._flush_task.cancel()
            self._flush_task = None

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            snapshot, self.counters = self.counters, Counter()
            log.debug("push %d counters to %s", len(snapshot), self.endpoint)
