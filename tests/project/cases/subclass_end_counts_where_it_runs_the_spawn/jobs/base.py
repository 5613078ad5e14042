"""A base class spawns its loop in `start()` and has no end of its own. Its subclasses live in
other modules and store the same attribute: a subclass's `close()` ends the task only for the
objects that run this `start()`."""

import asyncio


class Poller:
    def start(self) -> None:
        # ended: `Pinger` extends `start()` (calls `super()`), and its close() cancels the task
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)


class Watcher:
    def start(self) -> None:
        # never ended: `Listener` replaces `start()`, so its close() never sees this task
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)
