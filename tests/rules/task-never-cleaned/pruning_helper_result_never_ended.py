"""A spawn helper that keeps its task in a set only until it is done (a done-callback prunes
it) and returns it. Pruning forgets a finished task; it ends none. A caller that keeps the
task it gets back and never ends it, or races it and leaves the loser running, is judged by
that, as with `asyncio.create_task` itself (the near misses, a caller that drops the task or
ends it and a helper that ends what it keeps, are task-tracked's
`pruning_helper_near_misses`)."""

import asyncio
from collections.abc import Coroutine
from typing import Any

_running: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


class Reader:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._reader = spawn(self._read())

    def reading(self) -> bool:
        return self._reader is not None and not self._reader.done()

    async def _read(self) -> None:
        await asyncio.sleep(1)


async def serve(stop: asyncio.Event) -> None:
    server = spawn(asyncio.sleep(10))
    stopped = spawn(stop.wait())
    await asyncio.wait({server, stopped}, return_when=asyncio.FIRST_COMPLETED)
    print("served")
