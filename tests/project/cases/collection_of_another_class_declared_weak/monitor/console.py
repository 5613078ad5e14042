"""A console subclass in its own module adds its prompt task to the set its base class made a
`WeakSet`: held only weakly too (high)."""

from __future__ import annotations

import asyncio

from .monitor import Monitor


class Console(Monitor):
    async def prompt(self) -> None:
        await asyncio.sleep(0)

    def start_prompt(self) -> None:
        task = self.loop.create_task(self.prompt())
        self._command_tasks.add(task)
