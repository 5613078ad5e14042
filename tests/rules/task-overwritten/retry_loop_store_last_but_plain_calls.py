"""web3's persistent provider (dev22): a connect loop retries until the link opens, and stores
its listener task only after the awaited connect, followed by plain calls (a done-callback
added to the task just stored, a log line) and `break`. A plain call is no step that may fail
(RUBRIC convention 4, as the end a way out skips reads it): a turn that fails failed before the
store, and the store is never followed by another turn: low. The near miss awaits a
subscription after the store: when it fails, the loop goes round and stores a second listener
over the first, still running (TL103)."""

import asyncio
import logging
from typing import Any

log = logging.getLogger(__name__)


class Provider:
    def __init__(self, link: Any) -> None:
        self._link = link
        self._listener: asyncio.Task[None] | None = None

    async def _listen(self) -> None:
        while True:
            print(await self._link.recv())

    def _listener_done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("listener failed")

    async def connect(self) -> None:
        attempts = 0
        while attempts != 5:
            try:
                attempts += 1
                await self._link.open()
                self._listener = asyncio.create_task(self._listen())
                self._listener.add_done_callback(self._listener_done)
                log.info("connected after %d attempts", attempts)
                break
            except OSError:
                await asyncio.sleep(1)

    async def disconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()


class SubscribingProvider:
    def __init__(self, link: Any) -> None:
        self._link = link
        self._listener: asyncio.Task[None] | None = None

    async def _listen(self) -> None:
        while True:
            print(await self._link.recv())

    async def connect(self) -> None:
        attempts = 0
        while attempts != 5:
            try:
                attempts += 1
                await self._link.open()
                self._listener = asyncio.create_task(self._listen())
                await self._link.subscribe("blocks")
                break
            except OSError:
                await asyncio.sleep(1)

    async def disconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
