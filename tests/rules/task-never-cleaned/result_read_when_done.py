"""An asyncio Task's `.result()` does not wait for it: it raises unless the task is done. Read
only after a `done()` check, it ends nothing, and close() leaves the poller running."""

import asyncio


class Poller:
    def __init__(self) -> None:
        self._task: asyncio.Task[int] | None = None

    async def _poll(self) -> int:
        await asyncio.sleep(30)
        return 1

    def start(self) -> None:
        self._task = asyncio.create_task(self._poll())

    def status(self) -> int | None:
        if self._task is not None and self._task.done():
            return self._task.result()
        return None

    def close(self) -> None:
        self._task = None
