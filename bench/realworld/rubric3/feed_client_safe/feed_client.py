import asyncio
import json
import logging
from typing import Awaitable, Callable

log = logging.getLogger(__name__)

Handler = Callable[[dict], Awaitable[None]]


class LinkDown(Exception):
    pass


class QuoteFeed:
    """Streams quotes from a line-JSON server, reconnecting when the link drops."""

    def __init__(self, host: str, port: int, heartbeat: float = 10.0) -> None:
        self._host = host
        self._port = port
        self._interval = heartbeat
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._heartbeat_task: asyncio.Task | None = None
        self._reader_task: asyncio.Task | None = None
        self._dispatches: set[asyncio.Task] = set()
        self._handlers: list[Handler] = []

    def on_quote(self, handler: Handler) -> None:
        self._handlers.append(handler)

    async def start(self) -> None:
        await self.connect()
        self._reader_task = asyncio.create_task(self._read_loop())

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
        self._heartbeat_task = asyncio.create_task(self._heartbeat_loop())

    async def _heartbeat_loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                self._writer.write(b'{"op": "ping"}\n')
                await self._writer.drain()
            except ConnectionError:
                log.debug("heartbeat skipped: link down")

    async def _recv(self) -> dict:
        line = await self._reader.readline()
        if not line:
            raise LinkDown()
        return json.loads(line)

    async def _read_loop(self) -> None:
        while True:
            try:
                quote = await self._recv()
            except LinkDown:
                log.warning("quote feed dropped, reconnecting")
                await self.connect()
                continue
            for handler in self._handlers:
                task = asyncio.create_task(handler(quote))
                self._dispatches.add(task)
                task.add_done_callback(self._dispatches.discard)

    async def close(self) -> None:
        tasks = [t for t in (self._reader_task, self._heartbeat_task) if t is not None]
        tasks.extend(self._dispatches)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._writer is not None:
            self._writer.close()
