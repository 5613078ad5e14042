"""A task kept in an attribute whose done-callback sets the attribute back to `None` (the pattern
taskleak's own safe fix writes, as a set's `discard` for a set): the task ends by itself and
is then let go, like a pruned collection's (TL001). The same with the callback registered on a
local bound to the task in the spawn's own statement, through `functools.partial`
(proxy-protocol's `_connect_task`). The near misses: a done-callback that only logs, which lets
nothing go; one that resets another attribute; and a coroutine that never ends by itself, whose
done-callback never runs (TL201)."""

import asyncio
import logging
from functools import partial

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


class Proxy:
    def __init__(self) -> None:
        self._connect_task: asyncio.Task[None] | None = None
        self._dnsbl_task: asyncio.Task[None] | None = None

    def _set_client(self, result: str, connect_task: "asyncio.Task[None]") -> None:
        self._connect_task = None
        log.info("%s: %s", result, connect_task.result())

    def connection_made(self) -> None:
        self._connect_task = connect_task = asyncio.create_task(asyncio.sleep(1))
        connect_task.add_done_callback(partial(self._set_client, "upstream"))

    def _set_lookup(self, result: str, lookup: "asyncio.Task[None]") -> None:
        self._connect_task = None
        log.info("%s: %s", result, lookup.result())

    def lookup(self) -> None:
        self._dnsbl_task = dnsbl_task = asyncio.create_task(asyncio.sleep(1))
        dnsbl_task.add_done_callback(partial(self._set_lookup, "dnsbl"))
