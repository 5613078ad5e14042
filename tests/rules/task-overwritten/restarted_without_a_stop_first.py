"""The near miss of task-tracked's `restarted_after_a_stop_that_ends_it_through_a_helper`: the
heartbeat loop calls `await self._restart()` with no stop before it, and `start()` stores a new
reader over the one still running (`stop()`, which ends it through `self._cleanup()`, runs only
on close): a second reader per failed ping."""

import asyncio


class Supervisor:
    def __init__(self) -> None:
        self._reader: "asyncio.Task[None] | None" = None
        self._beat: "asyncio.Task[None] | None" = None

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read())
        if self._beat is None:
            self._beat = asyncio.create_task(self._heartbeat())

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _cleanup(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        self._reader = None

    async def stop(self) -> None:
        await self._cleanup()

    async def _restart(self) -> None:
        await asyncio.sleep(1)
        await self.start()

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(5)
            if not await self._ping():
                await self._restart()

    async def _ping(self) -> bool:
        await asyncio.sleep(0)
        return True

    async def close(self) -> None:
        await self.stop()
        if self._beat is not None:
            self._beat.cancel()
