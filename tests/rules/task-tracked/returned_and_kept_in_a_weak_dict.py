"""A task manager keeps each task it spawns in a WeakValueDictionary (which owns nothing) and
returns it: the caller's handling decides, as for any returned task. One caller keeps it and
awaits it; one drops it (the near miss without the return, the weak dict alone, is
task-discarded's `weakly_held`)."""

import asyncio
from weakref import WeakValueDictionary


async def work() -> None:
    await asyncio.sleep(1)


class TaskManager:
    def __init__(self) -> None:
        self._pending: WeakValueDictionary[str, asyncio.Future[None]] = WeakValueDictionary()

    def spawn_task(self, name: str) -> asyncio.Future[None]:
        task = asyncio.ensure_future(work())

        def done_cb(future: asyncio.Future[None]) -> None:
            self._pending.pop(name, None)

        self._pending[name] = task
        task.add_done_callback(done_cb)
        return task


async def main(manager: TaskManager) -> None:
    kept = manager.spawn_task("kept")
    manager.spawn_task("dropped")
    await kept
