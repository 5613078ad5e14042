import asyncio
import json
import logging
from typing import Optional

log = logging.getLogger(__name__)

_janitor: Optional[asyncio.Task] = None
_open_streams: set = set()


async def _sweep() -> None:
    while True:
        await asyncio.sleep(300)
        log.info("%d quote streams open", len(_open_streams))


def ensure_janitor() -> None:
    global _janitor
    if _janitor is None:
        _janitor = asyncio.create_task(_sweep())


class QuoteStream:
    """Streams quotes for a symbol; on a bad frame the reader is restarted."""

    def __init__(self, host: str, port: int, symbol: str) -> None:
        self.host = host
        self.port = port
        self.symbol = symbol
        self.latest: Optional[dict] = None
        self._reader_task: Optional[asyncio.Task] = None

    async def open(self) -> None:
        ensure_janitor()
        _open_streams.add(self)
        self._start_reader()

    def _start_reader(self) -> None:
        if self._reader_task is not None:
            self._reader_task.cancel()
        self._reader_task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        writer.write(f"SUB {self.symbol}\n".encode())
        while True:
            line = await reader.readline()
            try:
                self.latest = json.loads(line)
            except ValueError:
                self.on_bad_frame(line)
                continue

    def on_bad_frame(self, line: bytes) -> None:
        log.warning("bad frame for %s: %r", self.symbol, line[:40])
        self._start_reader()

    async def close(self) -> None:
        _open_streams.discard(self)
        if self._reader_task is not None:
            self._reader_task.cancel()
