"""An owner that closes what it owns through a local: `Connection` makes and keeps a `_Writer`
(whose loop only `close()` ends) in `self._writer`, and its `close()` runs `_close_impl()` as a
task it waits for, whose `_cleanup()` takes the writer into a local, resets the attribute and
closes the local (`writer = self._writer; self._writer = None; await writer.close()`:
borgee-plugin-sdk's shape). The local holds the same object: the owner's close reaches the
writer's end (low). task-never-cleaned's `owner_closes_other_things_through_a_local` is the near
miss."""

import asyncio


class _Writer:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            frame = await self._queue.get()
            print(frame)

    async def close(self) -> None:
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass


class Connection:
    def __init__(self) -> None:
        self._writer: "_Writer | None" = None
        self._close_task: "asyncio.Task[None] | None" = None

    async def connect(self) -> None:
        self._writer = _Writer()

    async def close(self) -> None:
        if self._close_task is None:
            self._close_task = asyncio.create_task(self._close_impl())
        await asyncio.shield(self._close_task)

    async def _close_impl(self) -> None:
        await self._cleanup()

    async def _cleanup(self) -> None:
        writer = self._writer
        self._writer = None
        if writer is not None:
            await writer.close()
