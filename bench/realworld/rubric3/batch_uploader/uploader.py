import asyncio
import logging

log = logging.getLogger(__name__)


class BatchUploader:
    """Ships queued log batches to a collector over TCP."""

    def __init__(self, host: str, port: int, backoff: float = 2.0) -> None:
        self._host = host
        self._port = port
        self._backoff = backoff
        self._queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._backlog: list[bytes] = []
        self._writer: asyncio.StreamWriter | None = None
        self._drain_task: asyncio.Task | None = None
        self._stats_task: asyncio.Task | None = None

    def submit(self, batch: bytes) -> None:
        self._queue.put_nowait(batch)

    async def start(self) -> None:
        while True:
            try:
                await self._init()
                await self._flush_backlog()
                break
            except OSError as exc:
                log.warning("collector unavailable (%s), retrying", exc)
                await asyncio.sleep(self._backoff)
        self._stats_task = asyncio.create_task(self._report_stats())

    async def _report_stats(self) -> None:
        while True:
            await asyncio.sleep(60.0)
            log.info("uploader queue depth %d, backlog %d", self._queue.qsize(), len(self._backlog))

    async def _init(self) -> None:
        _, self._writer = await asyncio.open_connection(self._host, self._port)
        self._drain_task = asyncio.create_task(self._drain_loop())

    async def _flush_backlog(self) -> None:
        while self._backlog:
            self._writer.write(self._backlog[0])
            await self._writer.drain()
            self._backlog.pop(0)

    async def _drain_loop(self) -> None:
        while True:
            batch = await self._queue.get()
            try:
                self._writer.write(batch)
                await self._writer.drain()
            except OSError:
                self._backlog.append(batch)

    async def close(self) -> None:
        if self._drain_task is not None:
            self._drain_task.cancel()
        if self._writer is not None:
            self._writer.close()
