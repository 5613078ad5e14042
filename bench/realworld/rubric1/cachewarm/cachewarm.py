"""Warms a key-value cache from a backing store."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Loader = Callable[[str], Awaitable[bytes]]


class CacheWarmer:
    def __init__(self, load: Loader) -> None:
        self._load = load
        self.cache: dict[str, bytes] = {}
        self.connected = False

    async def _warm(self, keys: list[str]) -> int:
        for key in keys:
            self.cache[key] = await self._load(key)
        return len(keys)

    async def _connect(self) -> None:
        await asyncio.sleep(0)
        self.connected = True

    async def _report(self) -> None:
        await asyncio.sleep(0)
        log.info("cache holds %d keys", len(self.cache))

    async def warm_on_start(self, keys: list[str]) -> int:
        warm = asyncio.create_task(self._warm(keys))
        await self._connect()
        return await warm

    async def warm_hot_keys(self, keys: list[str], extra: list[str]) -> None:
        prefetch = asyncio.create_task(self._warm(extra))
        await self._warm(keys)
        _ = asyncio.ensure_future(self._report())

    async def warm_shards(self, shards: list[list[str]]) -> None:
        pending = [asyncio.create_task(self._warm(shard)) for shard in shards]
        log.debug("warming %d shards", len(pending))

    async def warm_shards_and_wait(self, shards: list[list[str]]) -> int:
        tasks = [asyncio.create_task(self._warm(shard)) for shard in shards]
        counts = await asyncio.gather(*tasks)
        return sum(counts)
