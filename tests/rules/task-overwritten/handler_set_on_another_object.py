"""A close handler set on the websocket's `onclose` runs once per close: it reconnects, and each
reconnect starts a heartbeat that overwrites the last one without cancelling it (the rubric's
"a reconnect that starts a second heartbeat"). The reconnect task it replaces is not left
running: it ran the open() that set the handler, so the close comes after it (also when it
runs a retry loop that calls open()). A handler stored on the object's own attribute
is called when its class decides: no frequency is claimed (the near miss below)."""

import asyncio
from collections.abc import Callable
from typing import Any


class Connection:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._closed = False
        self._heartbeat: asyncio.Task[None] | None = None
        self._reconnect: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        while not self._closed:
            await asyncio.sleep(5)

    async def open(self) -> None:
        self._ws.onclose = self._handle_close
        self._heartbeat = asyncio.create_task(self._beat())

    def _handle_close(self, event: object) -> None:
        self._reconnect = asyncio.ensure_future(self.open())

    async def disconnect(self) -> None:
        self._closed = True
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        if self._reconnect is not None:
            self._reconnect.cancel()



class RetryingConnection:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._closed = False
        self._heartbeat: asyncio.Task[None] | None = None
        self._reconnect: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        while not self._closed:
            await asyncio.sleep(5)

    async def open(self) -> None:
        await self._ws.connect()
        self._ws.onclose = self._handle_close
        self._heartbeat = asyncio.create_task(self._beat())

    async def _retry(self) -> None:
        while not self._closed:
            try:
                await self.open()
                break
            except OSError:
                await asyncio.sleep(1)

    def _handle_close(self, event: object) -> None:
        self._reconnect = asyncio.create_task(self._retry())

    async def disconnect(self) -> None:
        self._closed = True
        for task in (self._heartbeat, self._reconnect):
            if task is not None:
                task.cancel()

class Poller:
    def __init__(self) -> None:
        self._closed = False
        self._task: asyncio.Task[None] | None = None
        self.on_stop: Callable[[], None] = self._restart

    async def _poll(self) -> None:
        while not self._closed:
            await asyncio.sleep(5)

    def _restart(self) -> None:
        self._task = asyncio.create_task(self._poll())

    def close(self) -> None:
        self._closed = True
        if self._task is not None:
            self._task.cancel()
