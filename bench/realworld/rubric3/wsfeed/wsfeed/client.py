import asyncio
import logging
from typing import Awaitable, Callable

from .transport import Transport, TransportClosed

log = logging.getLogger(__name__)

Handler = Callable[[dict], Awaitable[None]]


class FeedClient:
    def __init__(self, host: str, port: int, heartbeat: float = 15.0) -> None:
        self._host = host
        self._port = port
        self._interval = heartbeat
        self._transport: Transport | None = None
        self._heartbeat_task: asyncio.Task | None = None
        self._reader_task: asyncio.Task | None = None
        self._handlers: list[Handler] = []

    def on_message(self, handler: Handler) -> None:
        self._handlers.append(handler)

    async def start(self) -> None:
        await self.connect()
        self._reader_task = asyncio.create_task(self._read_loop())

    async def connect(self) -> None:
        self._transport = await Transport.open(self._host, self._port)
        self._heartbeat_task = asyncio.create_task(self._heartbeat_loop())

    async def _heartbeat_loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await self._transport.ping()
            except TransportClosed:
                log.debug("heartbeat skipped: link down")

    async def _read_loop(self) -> None:
        while True:
            try:
                message = await self._transport.recv()
            except TransportClosed:
                log.warning("feed link dropped, reconnecting")
                await self.connect()
                continue
            for handler in self._handlers:
                asyncio.create_task(handler(message))

    async def close(self) -> None:
        if self._reader_task is not None:
            self._reader_task.cancel()
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
        if self._transport is not None:
            await self._transport.close()
