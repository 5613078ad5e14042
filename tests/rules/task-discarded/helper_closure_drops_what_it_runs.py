"""A chat client deletes a message after a delay through a helper that wraps the caller's
coroutine in a closure and spawns it, keeping nothing: the work comes in (the closure awaits a
parameter), so each call is a row of its own, and it loses the task. A done-callback whose
closure only reads its parameter (`task.exception()`) runs its own work: no row at the
`add_done_callback`, only its own dropped spawn."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def spawn_later(delay: float, func: Coroutine[Any, Any, Any]) -> None:
    async def inner_call() -> None:
        await asyncio.sleep(delay)
        await func

    asyncio.create_task(inner_call())


async def delete(message_id: int) -> None:
    pass


class Message:
    def __init__(self, message_id: int) -> None:
        self.id = message_id

    def delete_after(self, delay: float) -> None:
        spawn_later(delay, delete(self.id))


class Reader:
    async def close(self, exc: BaseException | None) -> None:
        pass

    def on_reader_done(self, task: asyncio.Task[None]) -> None:
        async def close_writer() -> None:
            await self.close(task.exception())

        asyncio.create_task(close_writer())

    def watch(self, task: asyncio.Task[None]) -> None:
        task.add_done_callback(self.on_reader_done)
