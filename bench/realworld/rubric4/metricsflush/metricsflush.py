"""Buffered metrics shipper: collects samples, flushes them to a collector over TCP."""
import asyncio
import json
import logging
import time
from typing import List, Optional, Tuple

log = logging.getLogger(__name__)


class MetricsShipper:
    def __init__(self, host: str, port: int, period: float = 5.0) -> None:
        self.host = host
        self.port = port
        self.period = period
        self._buffer: List[Tuple[str, float, float]] = []
        self._writer: Optional[asyncio.StreamWriter] = None
        self._ticker: Optional[asyncio.Task] = None
        self._tick = asyncio.Event()

    def record(self, name: str, value: float) -> None:
        self._buffer.append((name, value, time.time()))

    async def start(self) -> None:
        while True:
            try:
                await self._init()
                await self._flush()
                break
            except OSError as exc:
                log.warning("collector unreachable (%s), retrying", exc)
                await asyncio.sleep(2.0)

    async def _init(self) -> None:
        self._ticker = asyncio.create_task(self._tick_loop())
        _, self._writer = await asyncio.open_connection(self.host, self.port)

    async def _tick_loop(self) -> None:
        while True:
            await asyncio.sleep(self.period)
            self._tick.set()
            try:
                await self._flush()
            except OSError:
                log.exception("periodic flush failed")

    async def _flush(self) -> None:
        if not self._buffer:
            return
        batch, self._buffer = self._buffer, []
        payload = json.dumps(batch).encode() + b"\n"
        self._writer.write(payload)
        await self._writer.drain()
        asyncio.ensure_future(self._report(len(batch), len(payload)))

    async def _report(self, samples: int, size: int) -> None:
        log.debug("flushed %d samples (%d bytes)", samples, size)

    async def close(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
        if self._writer is not None:
            self._writer.close()
