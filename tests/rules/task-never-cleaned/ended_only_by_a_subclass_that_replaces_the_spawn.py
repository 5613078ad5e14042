"""A base class keeps its loop task and never ends it; a subclass's close() cancels the same
attribute. It ends the base's task only for objects that run the base's spawning method: a
subclass that replaces that method (no `super()`) never holds this task."""

import asyncio


class Watcher:
    def start(self) -> None:
        # never ended: `Listener` replaces start(), so its close() never sees this task
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)


class Listener(Watcher):
    def start(self, task: "asyncio.Task[None] | None" = None) -> None:
        # adopts the task its caller hands it, and never runs Watcher.start()
        self._task = task

    def close(self) -> None:
        self._task.cancel()


class Poller:
    def start(self) -> None:
        # the near miss, ended: `Pinger` extends start() with super(), and its close() cancels
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)


class Pinger(Poller):
    def start(self) -> None:
        super().start()

    def close(self) -> None:
        self._task.cancel()
