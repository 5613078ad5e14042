import asyncio
import os
from typing import Callable

from .scheduler import JobSpec, Scheduler


class ConfigWatcher:
    """Re-reads the job file when it changes and hands the jobs to the scheduler."""

    def __init__(self, path: str, scheduler: Scheduler,
                 parse: Callable[[str], list[JobSpec]]) -> None:
        self._path = path
        self._scheduler = scheduler
        self._parse = parse
        self._mtime = 0.0
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            mtime = os.stat(self._path).st_mtime
            if mtime != self._mtime:
                self._mtime = mtime
                with open(self._path) as handle:
                    self._scheduler.reload(self._parse(handle.read()))
            await asyncio.sleep(5.0)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
