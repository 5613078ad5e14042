"""A processing loop stored in `self._processing` by `_connect_and_run()`, which cancels it in
its `finally` once the receive task it awaits ends; the receive task, on a closed connection,
calls `_connect_and_run()` again from inside itself, so the new store comes before the old
frame's `finally` (eridanus's shape). `_connect()`, which also retries through
`_connect_and_run()`, is no end of the holder: a call of the storing method stores a new task
before its own end is reached. The old processing loop keeps running: TL103. (Near miss:
task-tracked's `restarted_after_a_stop_that_ends_it_through_a_helper`, whose helper only
ends.)"""

import asyncio


class Adapter:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._processing: "asyncio.Task[None] | None" = None
        self._receiving: "asyncio.Task[None] | None" = None
        self._up = False

    async def _receive(self) -> None:
        try:
            while True:
                await self._queue.put("message")
                await asyncio.sleep(1)
        except ConnectionError:
            await asyncio.sleep(5)
            await self._connect_and_run()

    async def _process(self) -> None:
        while True:
            print(await self._queue.get())

    async def _connect(self) -> None:
        try:
            await asyncio.sleep(0)
            self._up = True
        except OSError:
            await asyncio.sleep(5)
            await self._connect_and_run()

    async def _connect_and_run(self) -> None:
        await self._connect()
        if self._up:
            self._receiving = asyncio.create_task(self._receive())
            self._processing = asyncio.create_task(self._process())
            try:
                await self._receiving
            finally:
                if self._processing is not None:
                    self._processing.cancel()
