import asyncio
import logging

from .mixins import ReconnectMixin

log = logging.getLogger(__name__)


class CacheClient(ReconnectMixin):
    def __init__(self, host: str, port: int = 11211) -> None:
        self._host = host
        self._port = port
        self._writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        _, self._writer = await asyncio.open_connection(self._host, self._port)

    def _log_error(self, task: asyncio.Task) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("invalidate failed: %r", task.exception())

    async def _invalidate(self, key: str) -> None:
        self._writer.write(f"delete {key}\r\n".encode())
        await self._writer.drain()

    def invalidate(self, key: str) -> None:
        if self._writer is None or self._writer.is_closing():
            self._schedule_reconnect()
            return
        asyncio.create_task(self._invalidate(key)).add_done_callback(self._log_error)

    async def close(self) -> None:
        if self._reconnect_task is not None:
            self._reconnect_task.cancel()
        if self._writer is not None:
            self._writer.close()
