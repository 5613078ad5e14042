"""Dial a broker, retrying until the handshake completes."""
import asyncio
import logging

log = logging.getLogger(__name__)


class BrokerLink:
    def __init__(self, address: str) -> None:
        self.address = address
        self._ready = asyncio.Event()
        self._conn_task: asyncio.Task | None = None

    async def _connect_and_serve(self) -> None:
        await asyncio.sleep(0.5)
        self._ready.set()
        while True:
            await asyncio.sleep(1)

    async def _report_failure(self, attempt: int) -> None:
        log.warning("attempt %d to %s timed out", attempt, self.address)

    async def run(self) -> None:
        attempt = 0
        while True:
            attempt += 1
            self._conn_task = asyncio.create_task(self._connect_and_serve())
            try:
                await asyncio.wait_for(self._ready.wait(), 5)
            except asyncio.TimeoutError:
                asyncio.create_task(self._report_failure(attempt))
                continue
            await self._conn_task
            return


class CarefulBrokerLink(BrokerLink):
    async def run(self) -> None:
        attempt = 0
        while True:
            attempt += 1
            self._conn_task = asyncio.create_task(self._connect_and_serve())
            try:
                await asyncio.wait_for(self._ready.wait(), 5)
            except asyncio.TimeoutError:
                self._conn_task.cancel()
                log.warning("attempt %d timed out", attempt)
                continue
            except BaseException:
                self._conn_task.cancel()
                raise
            await self._conn_task
            return
