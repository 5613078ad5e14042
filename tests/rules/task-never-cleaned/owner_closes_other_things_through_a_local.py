"""The near miss of task-tracked's `writer_closed_through_a_local_by_its_owner`: the owner's
close takes the writer into a local too, but only flushes it, and the local is then bound to
another value, so it is not the attribute's object alone: the writer's loop, which only its
`close()` ends, runs on after the owner closes (TL201 medium)."""

import asyncio


class _Writer:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            frame = await self._queue.get()
            print(frame)

    async def flush(self) -> None:
        await self._queue.join()

    async def close(self) -> None:
        self._task.cancel()


class Connection:
    def __init__(self) -> None:
        self._writer: "_Writer | None" = None
        self._spare = _Writer

    async def connect(self) -> None:
        self._writer = _Writer()

    async def close(self) -> None:
        writer = self._writer
        self._writer = None
        if writer is not None:
            await writer.flush()
        writer = self._spare()
        await writer.close()
