"""A read of the held task that ends nothing, before the re-spawn (a log line naming it), leaves
it running: the overwrite loses it (TL103). The near miss cancels it on every way to the
re-spawn, then logs it."""

import asyncio
import logging

log = logging.getLogger(__name__)


class Poller:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    async def _poll(self) -> None:
        await asyncio.sleep(1)

    def restart(self) -> None:
        log.info("restarting the poller (was %s)", self._task)
        self._task = asyncio.create_task(self._poll())

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(60)
            self.restart()

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


class CleanPoller:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    async def _poll(self) -> None:
        await asyncio.sleep(1)

    def restart(self) -> None:
        if self._task is not None:
            self._task.cancel()
        log.info("restarting the poller (was %s)", self._task)
        self._task = asyncio.create_task(self._poll())

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(60)
            self.restart()

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
