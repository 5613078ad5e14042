"""A client keeps a handler task per message in a set, and a periodic cleanup waits on the set
with a timeout, storing what is still pending back into it (`done, self._handlers = await
asyncio.wait(self._handlers, ...)`): what the wait leaves running, the set still keeps, and
the close waits for every task left until the set is empty. (The near miss, the pending set
stored elsewhere: task-never-cleaned's `pending_stored_in_another_set`.)"""

import asyncio


class Client:
    def __init__(self) -> None:
        self._handlers: set[asyncio.Task[None]] = set()

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(len(message))

    def on_message(self, message: str) -> None:
        self._handlers.add(asyncio.create_task(self._handle(message)))

    async def _cleanup(self, timeout: float | None) -> None:
        if not self._handlers:
            return
        done, self._handlers = await asyncio.wait(
            self._handlers, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.exception()

    async def tick(self) -> None:
        await self._cleanup(timeout=1.0)

    async def close(self) -> None:
        while self._handlers:
            await self._cleanup(timeout=None)
