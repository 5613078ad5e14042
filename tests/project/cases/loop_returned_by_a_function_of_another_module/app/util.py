"""Functions the session module calls for its loop: one annotated to return an event loop, one
returning the project's Pool, whose `create_task` keeps and ends what it runs."""

import asyncio
from typing import Any


def asyncio_loop(source: Any) -> asyncio.AbstractEventLoop:
    if isinstance(source, asyncio.AbstractEventLoop):
        return source
    return source.asyncio_loop  # type: ignore[no-any-return]


class Pool:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def create_task(self, coro: Any) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.get_event_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def close(self) -> None:
        for task in self._tasks:
            task.cancel()


def pool_of(source: Any) -> Pool:
    return Pool()
