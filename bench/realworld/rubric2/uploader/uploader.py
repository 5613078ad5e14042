"""One upload at a time, with a progress reporter."""
import asyncio
import logging

log = logging.getLogger(__name__)


class Busy(Exception):
    pass


class Uploader:
    def __init__(self) -> None:
        self._current: asyncio.Task | None = None
        self._progress: asyncio.Task | None = None
        self.sent = 0

    def upload(self, blob: bytes) -> None:
        if self._current is not None:
            raise Busy()
        self._current = asyncio.create_task(self._send(blob))
        self._current.add_done_callback(self._clear)
        self._progress = asyncio.create_task(self._report())

    def _clear(self, task: asyncio.Task) -> None:
        self._current = None

    async def _send(self, blob: bytes) -> None:
        for i in range(0, len(blob), 1024):
            await asyncio.sleep(0)
            self.sent = i

    async def _report(self) -> None:
        while True:
            await asyncio.sleep(1)
            log.info("sent %d bytes", self.sent)
