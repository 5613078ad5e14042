import asyncio
from collections import deque
from typing import Deque, Optional


class Transport:
    """Line-oriented connection to a log collector with a periodic flusher."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.pending: Deque[bytes] = deque(maxlen=10_000)
        self._writer: Optional[asyncio.StreamWriter] = None
        self._flusher: Optional[asyncio.Task] = None

    async def open(self) -> None:
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_every(1.0))
        _, self._writer = await asyncio.open_connection(self.host, self.port)

    async def _flush_every(self, period: float) -> None:
        while True:
            await asyncio.sleep(period)
            if self._writer is None:
                continue
            try:
                await self.send_backlog()
            except OSError:
                self._writer = None

    async def send_backlog(self) -> None:
        while self.pending:
            self._writer.write(self.pending[0] + b"\n")
            await self._writer.drain()
            self.pending.popleft()

    async def close(self) -> None:
        if self._flusher is not None:
            self._flusher.cancel()
            self._flusher = None
        if self._writer is not None:
            self._writer.close()
