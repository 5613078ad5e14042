import asyncio
import logging
from dataclasses import dataclass
from typing import Awaitable, Callable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobSpec:
    name: str
    interval: float
    action: Callable[[], Awaitable[None]]


class Scheduler:
    def __init__(self, alert: Callable[[str, BaseException], Awaitable[None]]) -> None:
        self._alert = alert
        self._workers: dict[str, asyncio.Task] = {}

    def add_job(self, spec: JobSpec) -> None:
        self._workers[spec.name] = asyncio.create_task(self._run_job(spec))

    def reload(self, specs: list[JobSpec]) -> None:
        for spec in specs:
            self.add_job(spec)

    async def _run_job(self, spec: JobSpec) -> None:
        while True:
            try:
                await spec.action()
            except Exception as exc:
                log.exception("job %s failed", spec.name)
                asyncio.ensure_future(self._alert(spec.name, exc))
            await asyncio.sleep(spec.interval)

    async def shutdown(self) -> None:
        workers = list(self._workers.values())
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
