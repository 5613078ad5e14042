"""A TTL cache whose expiry and reconnect hooks run coroutines."""
import asyncio
import logging

log = logging.getLogger(__name__)


class TTLCache:
    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._data: dict[str, bytes] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}

    def set(self, key: str, value: bytes) -> None:
        loop = asyncio.get_running_loop()
        self._data[key] = value
        old = self._timers.pop(key, None)
        if old is not None:
            old.cancel()
        self._timers[key] = loop.call_later(
            self.ttl, lambda: asyncio.ensure_future(self._expire(key)))

    async def _expire(self, key: str) -> None:
        self._data.pop(key, None)
        self._timers.pop(key, None)
        log.debug("expired %s", key)


class Replicator:
    def __init__(self) -> None:
        self._link: asyncio.Task | None = None

    def start(self) -> None:
        self._link = asyncio.create_task(self._run_link())
        self._link.add_done_callback(lambda _: asyncio.create_task(self._reconnect()))

    async def _run_link(self) -> None:
        await asyncio.sleep(30)

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)
        log.info("would reconnect")

    async def close(self) -> None:
        if self._link is not None:
            self._link.cancel()
