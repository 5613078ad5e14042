"""A supervisor whose heartbeat loop restarts the process when it stops answering: `await
self.stop()` first, then `await self._restart()`, which calls `start()` and stores a new reader
in `self._reader`. `stop()` ends the old reader through `self._cleanup()`, the method that
cancels and awaits it (omnidaemon's shape). A method that calls, on its own object, a method
that ends the holder ends it too: the restart replaces no running reader, low. Near miss:
task-overwritten's `restarted_without_a_stop_first` (the loop restarts with no stop before)."""

import asyncio


class Supervisor:
    def __init__(self) -> None:
        self._reader: "asyncio.Task[None] | None" = None
        self._beat: "asyncio.Task[None] | None" = None
        self._stopping = False

    async def start(self) -> None:
        self._stopping = False
        self._reader = asyncio.create_task(self._read())
        if self._beat is None:
            self._beat = asyncio.create_task(self._heartbeat())

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _cleanup(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except asyncio.CancelledError:
                pass
        self._reader = None

    async def stop(self) -> None:
        self._stopping = True
        await self._cleanup()

    async def _restart(self) -> None:
        await asyncio.sleep(1)
        await self.start()

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(5)
            if not await self._ping():
                await self.stop()
                await self._restart()

    async def _ping(self) -> bool:
        await asyncio.sleep(0)
        return True

    async def close(self) -> None:
        await self.stop()
        if self._beat is not None:
            self._beat.cancel()
