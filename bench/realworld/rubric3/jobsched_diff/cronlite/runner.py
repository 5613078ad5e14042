import asyncio
import logging

from .jobs import Job

log = logging.getLogger(__name__)


class Runner:
    def __init__(self) -> None:
        self._workers: dict[str, asyncio.Task] = {}

    def _add(self, job: Job) -> None:
        self._workers[job.name] = asyncio.create_task(self._loop(job))

    def load(self, jobs: list[Job]) -> None:
        for job in jobs:
            old = self._workers.pop(job.name, None)
            if old is not None:
                old.cancel()
            self._add(job)

    async def _loop(self, job: Job) -> None:
        while True:
            try:
                await job.run()
            except Exception:
                log.exception("job %s failed", job.name)
            await asyncio.sleep(job.every)

    async def close(self) -> None:
        workers = list(self._workers.values())
        self._workers.clear()
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
