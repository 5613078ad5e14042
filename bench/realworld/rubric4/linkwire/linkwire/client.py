import asyncio
import logging
from typing import Awaitable, Callable, Optional

from .link import Link, LinkClosed

log = logging.getLogger(__name__)

PING = b"\x00ping"
PONG = b"\x00pong"


class LinkClient:
    """Client that keeps a link alive with pings and reconnects when pongs stop."""

    def __init__(self, host: str, port: int, on_message: Callable[[bytes], Awaitable[None]]) -> None:
        self.host = host
        self.port = port
        self._on_message = on_message
        self._link: Optional[Link] = None
        self._reader_task: Optional[asyncio.Task] = None
        self._heartbeat_task: Optional[asyncio.Task] = None
        self._last_pong = 0.0
        self.interval = 15.0

    async def connect(self) -> None:
        self._link = await Link.open(self.host, self.port)
        self._last_pong = asyncio.get_running_loop().time()
        if self._reader_task is None:
            self._reader_task = asyncio.create_task(self._read_loop())
        self._heartbeat_task = asyncio.create_task(self._heartbeat_loop())

    async def _read_loop(self) -> None:
        while True:
            link = self._link
            if link is None:
                await asyncio.sleep(0.5)
                continue
            try:
                frame = await link.recv()
            except LinkClosed:
                await asyncio.sleep(0.5)
                continue
            if frame == PONG:
                self._last_pong = asyncio.get_running_loop().time()
            else:
                await self._on_message(frame)

    async def _heartbeat_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.interval)
            if loop.time() - self._last_pong > 3 * self.interval:
                log.warning("no pong from %s:%s, reconnecting", self.host, self.port)
                await self._reconnect()
                continue
            try:
                await self._link.send(PING)
            except OSError:
                await self._reconnect()

    async def _reconnect(self) -> None:
        if self._link is not None:
            await self._link.close()
        await self.connect()

    async def close(self) -> None:
        for task in (self._reader_task, self._heartbeat_task):
            if task is not None:
                task.cancel()
        if self._link is not None:
            await self._link.close()
