import asyncio
import logging

from .config import WorkerSpec

log = logging.getLogger(__name__)


class WorkerPool:
    """Named workers, each a task consuming one queue until cancelled."""

    def __init__(self) -> None:
        self._workers: dict[str, asyncio.Task] = {}

    def add_worker(self, spec: WorkerSpec) -> None:
        self._workers[spec.name] = asyncio.create_task(self._run(spec))

    async def _run(self, spec: WorkerSpec) -> None:
        while True:
            await asyncio.sleep(1)
            log.debug("%s polled %s", spec.name, spec.queue)

    def kick(self, name: str) -> None:
        asyncio.create_task(self._announce(name))

    async def _announce(self, name: str) -> None:
        log.info("worker %s kicked", name)

    async def close(self) -> None:
        for task in self._workers.values():
            task.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)


class GuardedPool:
    """The same pool, but re-adding a name replaces the running worker."""

    def __init__(self) -> None:
        self._workers: dict[str, asyncio.Task] = {}

    def add_worker(self, spec: WorkerSpec) -> None:
        old = self._workers.pop(spec.name, None)
        if old is not None:
            old.cancel()
        self._workers[spec.name] = asyncio.create_task(self._run(spec))

    async def _run(self, spec: WorkerSpec) -> None:
        while True:
            await asyncio.sleep(1)
            log.debug("%s polled %s", spec.name, spec.queue)

    async def close(self) -> None:
        for task in self._workers.values():
            task.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)
