"""Collects items and flushes them a short while after the first one."""
import asyncio


class Batcher:
    def __init__(self, delay: float = 0.5) -> None:
        self.delay = delay
        self.items: list[str] = []
        self.flushed: list[list[str]] = []
        self._flush_timer: asyncio.Task | None = None

    def add(self, item: str) -> None:
        self.items.append(item)
        if self._flush_timer is None:
            self._flush_timer = asyncio.create_task(self._flush_later())

    async def _flush_later(self) -> None:
        try:
            await asyncio.sleep(self.delay)
            self.flushed.append(self.items)
            self.items = []
        finally:
            self._flush_timer = None


class EagerBatcher:
    def __init__(self, delay: float = 0.5) -> None:
        self.delay = delay
        self.items: list[str] = []
        self.flushed: list[list[str]] = []
        self._flush_timer: asyncio.Task | None = None

    def add(self, item: str) -> None:
        self.items.append(item)
        self._flush_timer = asyncio.create_task(self._flush_later())

    async def _flush_later(self) -> None:
        await asyncio.sleep(self.delay)
        if self.items:
            self.flushed.append(self.items)
            self.items = []
        self._flush_timer = None
