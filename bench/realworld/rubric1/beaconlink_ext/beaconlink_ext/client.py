from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from .base import ManagedConnection

log = logging.getLogger(__name__)


class BeaconClient(ManagedConnection):
    def __init__(self, host: str, port: int, interval: float = 15.0) -> None:
        super().__init__(host, port)
        self.interval = interval
        self.messages: asyncio.Queue[bytes] = asyncio.Queue()
        self._last_seen = time.monotonic()
        self._heartbeat: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self.open()
        self._spawn(self._read_loop())
        self._heartbeat = asyncio.create_task(self._watch_liveness())

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None
        await super().close()

    async def _read_loop(self) -> None:
        assert self._reader is not None
        while True:
            line = await self._reader.readline()
            if not line:
                break
            self._last_seen = time.monotonic()
            await self.messages.put(line)

    async def _watch_liveness(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            silent = time.monotonic() - self._last_seen
            if silent > 3 * self.interval:
                log.warning("beacon %s:%s silent for %.0fs", self.host, self.port, silent)
