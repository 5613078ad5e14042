"""A scheduler's monitor loop (`while True`) is kept in `self._monitor`; `shutdown()` reads it
with `getattr(self, "_monitor", None)` (the attribute may not exist if `__init__` failed half
way) and cancels it through a helper: `getattr` of a plain string names the attribute, so the
monitor is ended (low). The near miss: `Hive.shutdown()` names another attribute
(`"_monitors"`, which `__init__` never sets), so its monitor is never ended (medium). (A name
computed at run time is `dynamic_reads.py`'s: perhaps the end, no claim.)"""

import asyncio


async def safe_cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    try:
        await asyncio.wait_for(task, timeout=5)
    except asyncio.CancelledError:
        pass


async def watch() -> None:
    while True:
        await asyncio.sleep(1)


class Scheduler:
    def __init__(self) -> None:
        self._monitor = asyncio.create_task(watch())

    async def shutdown(self) -> None:
        task = getattr(self, "_monitor", None)
        if task is not None:
            await safe_cancel(task)


class Hive:
    def __init__(self) -> None:
        self._monitor = asyncio.create_task(watch())

    async def shutdown(self) -> None:
        task = getattr(self, "_monitors", None)
        if task is not None:
            await safe_cancel(task)
