"""A worker kept in an attribute, whose loop has no way out but a cancel, rebuilt only when it is
done (a dead one's coroutine handed to a helper first), and ended by `suspend()` through a local
(`task = self._task`, then `task.cancel()` and `await task`), which `stop()` calls and the
manager's `shutdown()` reaches for every dispatcher (aiologging's shape). The end through the
local is an end of the same holder, reached on the way out: low, not "ended only before a new
task replaces it" (task-never-cleaned's `ended_only_before_a_replace_through_a_local` is the
near miss)."""

import asyncio


def _close_unstarted(task: "asyncio.Task[None] | None") -> None:
    if task is not None and task.done():
        task.exception()


class Dispatcher:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._task: "asyncio.Task[None] | None" = None

    def ensure_worker(self) -> None:
        if self._task is not None and not self._task.done():
            return
        _close_unstarted(self._task)
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            item = await self._queue.get()
            print(item)

    async def suspend(self) -> None:
        task = self._task
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        self._task = None

    async def stop(self) -> None:
        await self.suspend()


class Manager:
    def __init__(self) -> None:
        self._dispatchers: dict[str, Dispatcher] = {}

    def dispatcher(self, name: str) -> Dispatcher:
        found = self._dispatchers.get(name)
        if found is None:
            found = self._dispatchers[name] = Dispatcher()
        found.ensure_worker()
        return found

    async def shutdown(self) -> None:
        for dispatcher in list(self._dispatchers.values()):
            await dispatcher.stop()
        self._dispatchers.clear()
