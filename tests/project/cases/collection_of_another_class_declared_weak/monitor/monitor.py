"""A debugging monitor keeps its console's command tasks in a `weakref.WeakSet` (declared on
the class) and one-off jobs in a plain set a done-callback prunes."""

from __future__ import annotations

import asyncio
import weakref


class Monitor:
    _command_tasks: weakref.WeakSet[asyncio.Task[None]]
    _jobs: set[asyncio.Task[None]]

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._command_tasks = weakref.WeakSet()
        self._jobs = set()

    async def close(self) -> None:
        for task in [*self._command_tasks, *self._jobs]:
            task.cancel()
