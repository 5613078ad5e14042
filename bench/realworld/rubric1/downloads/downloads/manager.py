from __future__ import annotations

import asyncio
import logging
import weakref

from .progress import ProgressReporter

log = logging.getLogger(__name__)


class DownloadManager:
    def __init__(self, max_retries: int = 3) -> None:
        self.max_retries = max_retries
        self.progress: dict[str, int] = {}
        self._active: set[asyncio.Task[None]] = set()
        self._retries: weakref.WeakSet[asyncio.Task[None]] = weakref.WeakSet()
        self._reporter = ProgressReporter(lambda: dict(self.progress))
        self._reporter.attach()

    def fetch(self, url: str) -> None:
        task = asyncio.create_task(self._download(url))
        self._active.add(task)
        task.add_done_callback(self._active.discard)

    async def _download(self, url: str, attempt: int = 0) -> None:
        try:
            for _ in range(10):
                await asyncio.sleep(0.05)
                self.progress[url] = self.progress.get(url, 0) + 4096
        except OSError:
            if attempt < self.max_retries:
                retry = asyncio.create_task(self._download(url, attempt + 1))
                self._retries.add(retry)
            return
        asyncio.create_task(self._write_index(url)).add_done_callback(self._log_index)

    async def _write_index(self, url: str) -> None:
        await asyncio.sleep(0)
        log.debug("indexed %s", url)

    def _log_index(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("index write failed: %s", task.exception())

    async def close(self) -> None:
        for task in list(self._active):
            task.cancel()
        await asyncio.gather(*list(self._active), return_exceptions=True)
