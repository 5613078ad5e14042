"""The base class keeps each command's task in a set, pruned by its done-callback and
cancelled on stop: the owner that ends it. `_track` only logs: it keeps nothing."""

import asyncio
import logging

log = logging.getLogger(__name__)


class Base:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def _keep(self, task: "asyncio.Task[None]") -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _track(self, task: "asyncio.Task[None]") -> None:
        task.add_done_callback(lambda t: log.debug("done: %s", t))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
