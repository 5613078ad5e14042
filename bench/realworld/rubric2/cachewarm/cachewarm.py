"""A read-through cache that refreshes missing keys in the background."""
import asyncio
from typing import Awaitable, Callable

Loader = Callable[[str], Awaitable[bytes]]


class RefreshingCache:
    def __init__(self, loader: Loader) -> None:
        self._loader = loader
        self._data: dict[str, bytes] = {}
        self._refreshers: list[asyncio.Task] = []

    def get(self, key: str) -> bytes | None:
        value = self._data.get(key)
        if value is None:
            self._refreshers.append(asyncio.create_task(self._refresh(key)))
        return value

    async def _refresh(self, key: str) -> None:
        self._data[key] = await self._loader(key)


class PrunedCache:
    def __init__(self, loader: Loader) -> None:
        self._loader = loader
        self._data: dict[str, bytes] = {}
        self._refreshers: set[asyncio.Task] = set()

    def get(self, key: str) -> bytes | None:
        value = self._data.get(key)
        if value is None:
            task = asyncio.create_task(self._refresh(key))
            self._refreshers.add(task)
            task.add_done_callback(self._refreshers.discard)
        return value

    async def _refresh(self, key: str) -> None:
        self._data[key] = await self._loader(key)

    async def close(self) -> None:
        for task in list(self._refreshers):
            task.cancel()
        await asyncio.gather(*self._refreshers, return_exceptions=True)
