"""The near misses of task-never-cleaned/pruning_helper_result_never_ended: a caller that drops
what a pruning helper returns loses nothing (the helper keeps it until it is done); a caller
that keeps it and cancels it on close ends it; and a helper that also cancels what it keeps
on shutdown ends every task it spawns, whatever its callers do with the result."""

import asyncio
from collections.abc import Coroutine
from typing import Any

_running: set[asyncio.Task[Any]] = set()
_tracked: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


def spawn_tracked(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    _tracked.add(task)
    task.add_done_callback(_tracked.discard)
    return task


def shutdown() -> None:
    for task in _tracked:
        task.cancel()


class Reader:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None
        self._watch: asyncio.Task[None] | None = None

    def start(self) -> None:
        spawn(self._read())
        self._reader = spawn(self._read())
        self._watch = spawn_tracked(self._read())

    def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

    async def _read(self) -> None:
        await asyncio.sleep(1)
