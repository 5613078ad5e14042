"""A heartbeat loop that reconnects when the link drops: connect() stores a new heartbeat over
the attribute while the old loop, the one that called connect(), goes on beating. Each
reconnect adds one more heartbeat, and disconnect() reaches only the latest (TL103). The near
miss's watchdog calls connect() and returns right after, or only tells its subscribers first
(a `for` over a list comes to its end): the task replaced is the one about to finish (TL001)."""

import asyncio
from typing import Any


class ProxyLink:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._heartbeat_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._ws.connect()
        self._heartbeat_task = asyncio.create_task(self._heartbeat())

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(20)
            try:
                await self._ws.ping()
            except OSError:
                await self.connect()

    async def disconnect(self) -> None:
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()


class WatchedLink:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._watchdog: asyncio.Task[None] | None = None
        self._subscribers: list[Any] = []

    async def connect(self) -> None:
        await self._ws.connect()
        self._watchdog = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        await self._ws.wait_closed()
        try:
            await self.connect()
        finally:
            for subscriber in list(self._subscribers):
                subscriber()

    async def disconnect(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
