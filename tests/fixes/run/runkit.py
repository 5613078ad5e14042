"""What the programs of the execution tests share: gates their work waits on, a record of
the work that finished, and a project helper that keeps and cleans tasks.

A gate is a future that only the waiting task holds (the gates are kept in a `WeakSet`): a task
nobody else keeps is garbage while it waits, and a garbage collection destroys it while it is
pending, the way a fire-and-forget task vanishes mid-run in real programs.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any, TypeVar

DONE: list[str] = []  # one entry per piece of work that ran to its end
_GATES: weakref.WeakSet[asyncio.Future[None]] = weakref.WeakSet()
KEPT: set[Any] = set()  # the project helper's tasks (see keep())
_T = TypeVar("_T")


async def gate() -> None:
    """Wait until the harness opens the gates."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    _GATES.add(future)
    await future


def open_gates() -> int:
    """Let every waiting piece of work go on; how many were waiting."""
    opened = 0
    for future in list(_GATES):
        if not future.done():
            future.set_result(None)
            opened += 1
    return opened


def done(label: str) -> None:
    DONE.append(label)


def keep(task: _T) -> _T:
    """A project's own helper that keeps a task until it is done (`keep-helper`)."""
    KEPT.add(task)
    task.add_done_callback(KEPT.discard)  # type: ignore[attr-defined]
    return task


def spawn(coro: Any) -> Any:
    """A project's own helper that spawns a coroutine and keeps its task (`spawn-helper`)."""
    return keep(asyncio.get_running_loop().create_task(coro))


def reset() -> None:
    DONE.clear()
    KEPT.clear()
