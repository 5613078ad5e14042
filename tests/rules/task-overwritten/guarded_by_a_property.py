"""A re-spawn behind a property that tests the held task (`if self.resetting:
self._reset_task.cancel()`, `resetting` returning whether the task is there and not done):
the property is read as the test it returns, so every way to the store ends the task or finds
it done (TL001). The near miss's property tests something else: the cancel is reached on some
paths to the store only, and whether the task replaced on the others still runs turns on that
flag, which is not followed: no overwrite is claimed, and the words say so (TL001, low; the
rule and its other near miss: `ended_before_the_store_on_some_paths.py`)."""

import asyncio


class Bucket:
    def __init__(self) -> None:
        self._reset_task: asyncio.Task[None] | None = None

    @property
    def resetting(self) -> bool:
        """Whether a reset task is there and still running."""
        return self._reset_task is not None and not self._reset_task.done()

    async def _reset_later(self, delay: float) -> None:
        await asyncio.sleep(delay)

    def start_reset_task(self, delay: float) -> None:
        if self.resetting:
            self._reset_task.cancel()  # type: ignore[union-attr]
        self._reset_task = asyncio.create_task(self._reset_later(delay))

    async def acquire(self, requests: list[float]) -> None:
        for delay in requests:
            self.start_reset_task(delay)


class LooseBucket:
    def __init__(self) -> None:
        self._reset_task: asyncio.Task[None] | None = None
        self._limited = False

    @property
    def limited(self) -> bool:
        return self._limited

    async def _reset_later(self, delay: float) -> None:
        await asyncio.sleep(delay)

    def start_reset_task(self, delay: float) -> None:
        if self.limited:
            self._reset_task.cancel()  # type: ignore[union-attr]
        self._reset_task = asyncio.create_task(self._reset_later(delay))

    async def acquire(self, requests: list[float]) -> None:
        for delay in requests:
            self.start_reset_task(delay)
