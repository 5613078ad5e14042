"""Polling a device hub for state changes."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

Fetch = Callable[[], Awaitable[dict[str, Any]]]
Listener = Callable[[dict[str, Any]], None]


class HubPoller:
    """Polls the hub's /state endpoint and notifies listeners of changes."""

    def __init__(self, fetch: Fetch, interval: float = 5.0) -> None:
        self._fetch = fetch
        self._interval = interval
        self._listeners: list[Listener] = []
        self._last: dict[str, Any] = {}
        self._task: asyncio.Task[None] | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)
        if self._task is None:
            self._task = asyncio.create_task(self._poll_forever())

    async def _poll_forever(self) -> None:
        while True:
            try:
                state = await self._fetch()
            except OSError as exc:
                log.debug("hub poll failed: %s", exc)
            else:
                if state != self._last:
                    self._last = state
                    for listener in list(self._listeners):
                        listener(state)
            await asyncio.sleep(self._interval)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)


class HubWatcher:
    """Watches one hub entity; stop() ends the watch."""

    def __init__(self, fetch: Fetch, entity: str, interval: float = 5.0) -> None:
        self._fetch = fetch
        self._entity = entity
        self._interval = interval
        self.changes: asyncio.Queue[Any] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        previous = None
        while True:
            state = await self._fetch()
            value = state.get(self._entity)
            if value != previous:
                previous = value
                await self.changes.put(value)
            await asyncio.sleep(self._interval)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
