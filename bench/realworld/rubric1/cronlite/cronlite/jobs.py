from __future__ import annotations

import asyncio
import contextlib
from typing import Protocol

from .sched import Cron


class Cache(Protocol):
    async def evict_expired(self) -> None: ...


class Database(Protocol):
    async def vacuum(self) -> None: ...
    async def checkpoint(self) -> None: ...


def install_default_jobs(cron: Cron, cache: Cache, db: Database) -> None:
    cron.every(300, cache.evict_expired)
    _ = cron.every(3600, db.vacuum)


class Maintenance:
    def __init__(self, cron: Cron, db: Database) -> None:
        self._cron = cron
        self._db = db
        self._jobs: list[asyncio.Task[None]] = []

    def start(self) -> None:
        self._jobs.append(self._cron.every(60, self._db.checkpoint))

    async def stop(self) -> None:
        for job in self._jobs:
            job.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await job
        self._jobs.clear()
