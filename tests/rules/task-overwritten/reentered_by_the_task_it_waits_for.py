"""The near miss of task-tracked's `ended_in_the_storing_functions_finally` (eridanus-dep's
adapter, dev58): `_connect_and_run()` ends its processor in its `finally`, but the receive task
it starts and waits for calls `_connect_and_run()` again when the socket drops. That call
comes while the first still waits, before its `finally`: it stores a new processor over the
running one, and each `finally` cancels only the newest."""

import asyncio


class Adapter:
    def __init__(self) -> None:
        self._messages: asyncio.Queue[str] = asyncio.Queue()
        self._receive_task: asyncio.Task[None] | None = None
        self._processing_task: asyncio.Task[None] | None = None

    async def _receive(self) -> None:
        try:
            await self._messages.get()
        except ConnectionError:
            await asyncio.sleep(5)
            await self._connect_and_run()

    async def _process(self) -> None:
        while True:
            await self._messages.get()

    async def _connect_and_run(self) -> None:
        self._receive_task = asyncio.create_task(self._receive())
        self._processing_task = asyncio.create_task(self._process())
        try:
            await self._receive_task
        finally:
            if self._processing_task is not None and not self._processing_task.done():
                self._processing_task.cancel()
