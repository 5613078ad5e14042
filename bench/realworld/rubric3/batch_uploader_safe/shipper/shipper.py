import asyncio
import logging

from .wire import dial, send_all

log = logging.getLogger(__name__)


class LogShipper:
    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._backlog: list[bytes] = []
        self._writer: asyncio.StreamWriter | None = None
        self._pump: asyncio.Task | None = None

    async def start(self) -> None:
        while True:
            try:
                await self._init()
                await send_all(self._writer, self._backlog)
                break
            except OSError as exc:
                log.warning("shipper connect failed: %s", exc)
                await asyncio.sleep(1.0)

    async def _init(self) -> None:
        self._writer = await dial(self._host, self._port)
        if self._pump is not None:
            self._pump.cancel()
        self._pump = asyncio.create_task(self._pump_loop())

    async def _pump_loop(self) -> None:
        while True:
            batch = await self._queue.get()
            try:
                self._writer.write(batch)
                await self._writer.drain()
            except OSError:
                self._backlog.append(batch)

    async def close(self) -> None:
        if self._pump is not None:
            self._pump.cancel()
            await asyncio.gather(self._pump, return_exceptions=True)
        if self._writer is not None:
            self._writer.close()
