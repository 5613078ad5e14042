"""A proxy's heartbeat loop reconnects when the link drops: `connect()` starts the heartbeat and a
reader, and the heartbeat, still running, calls `connect()` again, which stores a new heartbeat
and a new reader over the attributes while the old loop goes on (TL103): each reconnect adds a
heartbeat. `disconnect()` runs whenever the last client leaves (called per client, in a loop
over the clients that failed), but it cannot come between two stores: the heartbeat's own loop
re-enters `connect()`. The near miss cancels what the attributes hold before it stores anew."""

import asyncio
from typing import Any


class Proxy:
    def __init__(self, session: Any) -> None:
        self._session = session
        self._ws: Any = None
        self._clients: dict[str, Any] = {}
        self._running = True
        self.connected = False
        self._heartbeat_task: asyncio.Task[None] | None = None
        self._reader_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._ws = await self._session.ws_connect()
        self.connected = True
        self._heartbeat_task = asyncio.create_task(self._maintain_connection())
        self._reader_task = asyncio.create_task(self._forward())

    async def _maintain_connection(self) -> None:
        while self._running:
            try:
                if self.connected:
                    await self._ws.send_json({"type": "heartbeat"})
                    await asyncio.sleep(30)
                else:
                    await self.connect()
            except OSError:
                self.connected = False
                await asyncio.sleep(5)

    async def _forward(self) -> None:
        try:
            async for message in self._ws:
                await self._broadcast(message)
        finally:
            self.connected = False

    async def _broadcast(self, message: Any) -> None:
        failed = []
        for client_id, client in self._clients.items():
            try:
                await client.send_json(message)
            except OSError:
                failed.append(client_id)
        for client_id in failed:
            await self.remove_client(client_id)

    async def remove_client(self, client_id: str) -> None:
        self._clients.pop(client_id, None)
        if not self._clients:
            await self.disconnect()

    async def disconnect(self) -> None:
        self._running = False
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
        if self._reader_task is not None:
            self._reader_task.cancel()
        self.connected = False


class CarefulProxy:
    def __init__(self, session: Any) -> None:
        self._session = session
        self._ws: Any = None
        self._clients: dict[str, Any] = {}
        self._running = True
        self.connected = False
        self._heartbeat_task: asyncio.Task[None] | None = None
        self._reader_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._ws = await self._session.ws_connect()
        self.connected = True
        if self._reader_task is not None:
            self._reader_task.cancel()
        self._reader_task = asyncio.create_task(self._forward())
        if self._heartbeat_task is None or self._heartbeat_task.done():
            self._heartbeat_task = asyncio.create_task(self._maintain_connection())

    async def _maintain_connection(self) -> None:
        while self._running:
            try:
                if self.connected:
                    await self._ws.send_json({"type": "heartbeat"})
                    await asyncio.sleep(30)
                else:
                    await self.connect()
            except OSError:
                self.connected = False
                await asyncio.sleep(5)

    async def _forward(self) -> None:
        try:
            async for message in self._ws:
                await self._broadcast(message)
        finally:
            self.connected = False

    async def _broadcast(self, message: Any) -> None:
        failed = []
        for client_id, client in self._clients.items():
            try:
                await client.send_json(message)
            except OSError:
                failed.append(client_id)
        for client_id in failed:
            await self.remove_client(client_id)

    async def remove_client(self, client_id: str) -> None:
        self._clients.pop(client_id, None)
        if not self._clients:
            await self.disconnect()

    async def disconnect(self) -> None:
        self._running = False
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
        if self._reader_task is not None:
            self._reader_task.cancel()
        self.connected = False
