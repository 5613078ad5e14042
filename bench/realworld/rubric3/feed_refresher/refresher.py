import asyncio
import logging

log = logging.getLogger(__name__)


class CatalogRefresher:
    """Keeps an in-memory product catalog fresh from an HTTP-ish backend."""

    def __init__(self, backend, period: float = 60.0) -> None:
        self._backend = backend
        self._period = period
        self.catalog: dict[str, dict] = {}
        self._loop_task: asyncio.Task | None = None

    def _start(self) -> None:
        self._loop_task = asyncio.create_task(self._refresh_loop())

    def _stop(self) -> None:
        if self._loop_task is not None:
            self._loop_task.cancel()

    def refresh_now(self) -> None:
        """Restart the cycle so the next fetch happens at once."""
        self._stop()
        self._start()

    def schedule_refresh(self) -> asyncio.Task:
        return asyncio.create_task(self._refresh_once())

    async def _refresh_once(self) -> None:
        self.catalog = await self._backend.fetch_catalog()

    async def _refresh_loop(self) -> None:
        while True:
            try:
                await self._refresh_once()
            except Exception:
                log.exception("catalog refresh failed")
            await asyncio.sleep(self._period)

    async def on_product_event(self, event: dict) -> None:
        if event.get("type") == "bulk-import":
            self.schedule_refresh()

    async def open(self) -> None:
        await self._backend.connect()
        self.refresh_now()

    async def close(self) -> None:
        await self._backend.disconnect()
