"""A public method returns the task and no code here calls it: callers elsewhere get it. That
hand-off is not followed, so no claim is made (a low row that says so)."""

import asyncio


class Session:
    def open(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)

    def reader(self) -> asyncio.Task[None]:
        return self._reader
