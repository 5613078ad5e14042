import asyncio
from typing import Callable

from .config import ConfigWatcher
from .scheduler import JobSpec, Scheduler


async def _page_oncall(name: str, exc: BaseException) -> None:
    await asyncio.sleep(0)


async def run(path: str, parse: Callable[[str], list[JobSpec]], stop: asyncio.Event) -> None:
    scheduler = Scheduler(_page_oncall)
    watcher = ConfigWatcher(path, scheduler, parse)
    watcher.start()
    try:
        await stop.wait()
    finally:
        await watcher.stop()
        await scheduler.shutdown()
