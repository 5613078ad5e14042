"""Order-book session: a snapshot sync and an update stream per connection."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Snapshot = Callable[[], Awaitable[dict[str, float]]]


class BookSession:
    def __init__(self, symbol: str) -> None:
        self.symbol = symbol
        self.book: dict[str, float] = {}
        self.closed = False
        self._sync_task: asyncio.Task[None] | None = None
        self._stream_task: asyncio.Task[None] | None = None

    def on_connected(self, fetch_snapshot: Snapshot, updates: asyncio.Queue[dict[str, Any]]) -> None:
        """Called by the transport on every (re)connect."""
        self._sync_task = asyncio.create_task(self._sync(fetch_snapshot))
        if self._stream_task is not None:
            self._stream_task.cancel()
        self._stream_task = asyncio.create_task(self._stream(updates))

    async def _sync(self, fetch_snapshot: Snapshot) -> None:
        snapshot = await fetch_snapshot()
        self.book = dict(snapshot)

    async def _stream(self, updates: asyncio.Queue[dict[str, Any]]) -> None:
        try:
            while True:
                update = await updates.get()
                self.book[update["price"]] = update["size"]
                asyncio.ensure_future(self._persist(update))
        finally:
            if self._stream_task is asyncio.current_task():
                self._stream_task = None

    async def _persist(self, update: dict[str, Any]) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        self.closed = True
        if self._stream_task is not None:
            self._stream_task.cancel()
            await asyncio.gather(self._stream_task, return_exceptions=True)
        self.book.clear()
