import asyncio
import logging

log = logging.getLogger(__name__)


class ScopeLink:
    """Talks to a bench oscilloscope over a raw TCP socket."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._samples: asyncio.Queue[bytes] = asyncio.Queue()
        self._pump: asyncio.Task | None = None

    def open(self) -> None:
        self._pump = asyncio.create_task(self._pump_samples())

    async def _pump_samples(self) -> None:
        while True:
            self._samples.put_nowait(await self._reader.readline())

    async def close(self) -> None:
        try:
            self._writer.write(b":STOP\n")
            await self._writer.drain()
        finally:
            if self._pump is not None:
                self._pump.cancel()
            self._writer.close()
