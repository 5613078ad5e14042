"""A task bound by a walrus inside the call that adds it to a collection
(`self.tasks.append(task := ...)`) is in the collection as well as in the local: a list that
nothing prunes only grows (TL202), though the local is returned. The near miss: a set pruned by
the task's own done-callback, added to the same way, is kept until the task is done (TL001)."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class Server:
    def __init__(self) -> None:
        self.tasks: list[asyncio.Task[None]] = []
        self.live: set[asyncio.Task[None]] = set()

    def notify(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        self.tasks.append(task := asyncio.create_task(coroutine))
        return task

    def serve(self, coroutine: Coroutine[Any, Any, None]) -> None:
        self.live.add(task := asyncio.create_task(coroutine))
        task.add_done_callback(self.live.discard)
