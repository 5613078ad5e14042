"""The near miss of task-tracked/awaited_through_the_await_protocol: `__await__` spawns the
work but delegates the await to something else, so nothing waits for the task."""

import asyncio
from collections.abc import Coroutine, Generator
from typing import Any


class Fired:
    def __init__(self, coro: Coroutine[Any, Any, None]) -> None:
        self._coro = coro

    def __await__(self) -> Generator[Any, None, None]:
        task = asyncio.ensure_future(self._coro)
        task.add_done_callback(lambda t: None)
        yield from asyncio.sleep(0).__await__()
