import asyncio
import time
from typing import Dict, Optional, Tuple

from .timers import call_later


class TtlCache:
    def __init__(self, ttl: float = 60.0) -> None:
        self.ttl = ttl
        self._data: Dict[str, Tuple[float, bytes]] = {}
        self._expiry: Dict[str, asyncio.Task] = {}

    def put(self, key: str, value: bytes) -> None:
        self._data[key] = (time.monotonic(), value)
        old = self._expiry.pop(key, None)
        if old is not None:
            old.cancel()
        self._expiry[key] = call_later(self.ttl, lambda: self._expire(key))

    async def _expire(self, key: str) -> None:
        self._data.pop(key, None)
        self._expiry.pop(key, None)

    def get(self, key: str) -> Optional[bytes]:
        item = self._data.get(key)
        return item[1] if item else None

    def touch(self, key: str) -> None:
        if key in self._data:
            call_later(self.ttl / 2, lambda: self._refresh(key))

    async def _refresh(self, key: str) -> None:
        item = self._data.get(key)
        if item is not None:
            self._data[key] = (time.monotonic(), item[1])

    def close(self) -> None:
        for task in self._expiry.values():
            task.cancel()
        self._expiry.clear()
