"""A task kept in an attribute whose loop has no way out but a cancel, ended only on the way to
storing the next one: `_updater_cancel()` is called only by `_updater_schedule()`, which then
stores a new updater, and the object's way out (`disconnect()`, `shutdown()`) never ends it.
The last updater runs for good (TL201 medium; RUBRIC convention 5; pyarcamsolo's shape). The
same with the cancel written in the storing method itself (`Poller.start()`). Near misses: the
listener's `_listener_cancel()` is also called by `disconnect()`, which stores nothing: its end
is reached on the way out (TL001); and a ticker whose coroutine finishes by itself is let go
when it ends (TL001)."""

import asyncio


async def cancel_task(task: "asyncio.Task[None] | None") -> None:
    if task is not None and not task.done():
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass


class Client:
    def __init__(self) -> None:
        self._updater_task: "asyncio.Task[None] | None" = None
        self._listener_task: "asyncio.Task[None] | None" = None

    async def _updater_cancel(self) -> None:
        await cancel_task(self._updater_task)
        self._updater_task = None

    async def _listener_cancel(self) -> None:
        await cancel_task(self._listener_task)
        self._listener_task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _updater_schedule(self) -> None:
        await self._updater_cancel()
        self._updater_task = asyncio.create_task(self._run())

    async def _listener_schedule(self) -> None:
        await self._listener_cancel()
        self._listener_task = asyncio.create_task(self._run())

    async def connect(self) -> None:
        await self._listener_schedule()
        await self._updater_schedule()

    async def disconnect(self) -> None:
        await self._listener_cancel()

    async def shutdown(self) -> None:
        await self.disconnect()


class Poller:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None
        self._ticker: "asyncio.Task[None] | None" = None

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def _tick(self) -> None:
        await asyncio.sleep(5)

    def start(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = asyncio.create_task(self._poll())

    def tick(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
        self._ticker = asyncio.create_task(self._tick())

    def close(self) -> None:
        pass
