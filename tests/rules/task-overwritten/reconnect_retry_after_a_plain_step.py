"""A websocket client (mofox-wire, dev49) reconnects from its reader's own way out: the reader's
`finally` calls `_reconnect()`, whose retry loop calls `_connect_once()` -> `_establish()`, which
stores the next reader, then resets a counter and returns. The store is asked for by the reader
it replaces, which ends right after; `run()` calls `_establish()` only while no reader is kept;
and a counter reset is no step that may fail, so the retry loop does not come round with the
new reader running: low. (A chain of calls that comes back to the storing function is no
evidence of its own: `run()`'s guarded call is not found again through the reader.)

The near miss announces itself after connecting (`await self._announce()`): when that fails,
the retry loop goes round and stores a second reader over the first, still running (TL103)."""

import asyncio
from typing import Any


class WireClient:
    def __init__(self, session: Any) -> None:
        self._session = session
        self._ws: Any = None
        self._receive_task: asyncio.Task[None] | None = None
        self._closed = False
        self._attempts = 0

    async def _establish(self) -> None:
        self._ws = await self._session.ws_connect("wss://example.invalid/ws")
        self._receive_task = asyncio.create_task(self._receive_loop())

    async def _connect_once(self) -> None:
        await self._establish()

    async def _receive_loop(self) -> None:
        try:
            async for message in self._ws:
                print(message)
        finally:
            if not self._closed:
                await self._reconnect()

    async def run(self) -> None:
        self._closed = False
        while not self._closed:
            if self._receive_task is None:
                await self._establish()
            task = self._receive_task
            if task is None:
                break
            await task

    async def _reconnect(self) -> None:
        while not self._closed:
            self._attempts += 1
            await asyncio.sleep(1)
            try:
                await self._connect_once()
                self._attempts = 0
                return
            except OSError:
                print("reconnect failed")

    async def stop(self) -> None:
        self._closed = True
        if self._receive_task is not None:
            self._receive_task.cancel()


class AnnouncingClient:
    def __init__(self, session: Any) -> None:
        self._session = session
        self._ws: Any = None
        self._receive_task: asyncio.Task[None] | None = None
        self._closed = False

    async def _establish(self) -> None:
        self._ws = await self._session.ws_connect("wss://example.invalid/ws")
        self._receive_task = asyncio.create_task(self._receive_loop())

    async def _receive_loop(self) -> None:
        async for message in self._ws:
            print(message)

    async def _announce(self) -> None:
        await self._ws.send_str("hello")

    async def connect(self) -> None:
        while not self._closed:
            try:
                await self._establish()
                await self._announce()
                return
            except OSError:
                await asyncio.sleep(1)

    async def stop(self) -> None:
        self._closed = True
        if self._receive_task is not None:
            self._receive_task.cancel()
