"""A task kept in an attribute whose done-callback sets the attribute back to `None` (the pattern
taskleak's own safe fix writes, as a set's `discard` for a set): the task ends by itself and
is then let go, like a pruned collection's (TL001). The near misses: a done-callback that only
logs, which lets nothing go; and a coroutine that never ends by itself, whose done-callback
never runs (both TL201)."""

import asyncio
import logging

log = logging.getLogger(__name__)


class Server:
    def __init__(self) -> None:
        self._stop_task: asyncio.Task[None] | None = None

    async def _stop(self) -> None:
        await asyncio.sleep(1)

    def request_stop(self) -> None:
        self._stop_task = asyncio.create_task(self._stop())
        self._stop_task.add_done_callback(self._remove_stop_task)

    def _remove_stop_task(self, task: "asyncio.Task[None]") -> None:
        self._stop_task = None


class LoggingServer:
    def __init__(self) -> None:
        self._stop_task: asyncio.Task[None] | None = None

    async def _stop(self) -> None:
        await asyncio.sleep(1)

    def request_stop(self) -> None:
        self._stop_task = asyncio.create_task(self._stop())
        self._stop_task.add_done_callback(self._log_stop)

    def _log_stop(self, task: "asyncio.Task[None]") -> None:
        log.info("stopped: %s", task)


class Watcher:
    def __init__(self) -> None:
        self._watch_task: asyncio.Task[None] | None = None

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(1)

    def start(self) -> None:
        self._watch_task = asyncio.create_task(self._watch())
        self._watch_task.add_done_callback(self._forget)

    def _forget(self, task: "asyncio.Task[None]") -> None:
        self._watch_task = None
