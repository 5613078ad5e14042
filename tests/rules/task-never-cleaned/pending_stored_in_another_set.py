"""The near miss of task-tracked's `pending_stored_back_into_the_waited_set`: the periodic
cleanup stores what the wait leaves running in another set, `self._late`, which nothing waits
for or cancels, and empties the set it waited on: a handler still running at the timeout is
left running, and the close waits for none of them."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._handlers: set[asyncio.Task[None]] = set()
        self._late: set[asyncio.Task[None]] = set()

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(len(message))

    def on_message(self, message: str) -> None:
        self._handlers.add(asyncio.create_task(self._handle(message)))

    async def _cleanup(self, timeout: float | None) -> None:
        if not self._handlers:
            return
        done, self._late = await asyncio.wait(
            self._handlers, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.exception()
        self._handlers = set()

    async def tick(self) -> None:
        await self._cleanup(timeout=1.0)

    async def close(self) -> None:
        while self._handlers:
            await self._cleanup(timeout=None)
