"""Before the re-spawn, the held task is handed to another module's function that this module
cannot read (`await cancel_task(self._retry)`): whether that ends it is not known here, so no
overwrite is claimed (aioslsk's `_set_tracking_state`). Near miss:
task-overwritten/logged_before_the_respawn.py, whose log line keeps and ends nothing."""

import asyncio

from .utils import cancel_task


class Tracker:
    def __init__(self) -> None:
        self._retry: asyncio.Task[None] | None = None

    async def _request_retry(self) -> None:
        await asyncio.sleep(10)

    async def retry_later(self) -> None:
        await cancel_task(self._retry)
        self._retry = asyncio.create_task(self._request_retry())

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(60)
            await self.retry_later()

    def stop(self) -> None:
        if self._retry is not None:
            self._retry.cancel()
