"""A market-data feed client over a line-based socket, reconnecting on failure."""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class FeedClient:
    def __init__(self, host: str, port: int, on_tick: Callable[[dict[str, Any]], None]) -> None:
        self.host = host
        self.port = port
        self.on_tick = on_tick
        self._closed = False
        self._runner: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._runner = asyncio.create_task(self._connect_loop())

    async def _connect_loop(self) -> None:
        backoff = 1.0
        while not self._closed:
            try:
                reader, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 30.0)
                continue
            backoff = 1.0
            if self._heartbeat is not None:
                self._heartbeat.cancel()
            self._heartbeat = asyncio.create_task(self._ping(writer))
            try:
                await self._read(reader)
            except (OSError, asyncio.IncompleteReadError) as exc:
                log.info("feed dropped: %s", exc)
            finally:
                writer.close()

    async def _ping(self, writer: asyncio.StreamWriter) -> None:
        while True:
            await asyncio.sleep(10)
            if writer.is_closing():
                continue
            writer.write(b'{"op":"ping"}\n')

    async def _read(self, reader: asyncio.StreamReader) -> None:
        while line := await reader.readline():
            self.on_tick(json.loads(line))

    async def close(self) -> None:
        self._closed = True
        for task in (self._heartbeat, self._runner):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
