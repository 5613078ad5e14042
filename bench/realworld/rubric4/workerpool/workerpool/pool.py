import asyncio
import logging
from typing import Awaitable, Callable, Dict

from .config import WorkerSpec

log = logging.getLogger(__name__)

Fetch = Callable[[str], Awaitable[list]]


class WorkerPool:
    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._workers: Dict[str, asyncio.Task] = {}

    def _spawn(self, spec: WorkerSpec) -> None:
        self._workers[spec.name] = asyncio.create_task(self._run(spec))

    async def _run(self, spec: WorkerSpec) -> None:
        while True:
            jobs = await self._fetch(spec.queue)
            for job in jobs[: spec.concurrency]:
                log.info("worker %s handled %r", spec.name, job)
            await asyncio.sleep(spec.poll_interval)

    def start(self, specs: Dict[str, WorkerSpec]) -> None:
        for spec in specs.values():
            self._spawn(spec)

    async def reload(self, specs: Dict[str, WorkerSpec]) -> None:
        for name in list(self._workers):
            if name not in specs:
                self._workers.pop(name).cancel()
        for spec in specs.values():
            self._spawn(spec)

    async def close(self) -> None:
        for task in self._workers.values():
            task.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)
        self._workers.clear()
