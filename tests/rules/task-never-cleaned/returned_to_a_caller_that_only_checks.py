"""The near miss: the method's only caller asks whether the task is done. Asking ends nothing,
so the endless task is never awaited or cancelled."""

import asyncio


class Cleaner:
    def start(self) -> None:
        self._cleanup = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(1)

    def _current(self) -> asyncio.Task[None]:
        return self._cleanup

    def running(self) -> bool:
        return not self._current().done()
