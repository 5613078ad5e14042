import asyncio
import logging
from typing import Awaitable, Callable, List, Optional, Tuple

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


class Scheduler:
    """Runs (interval, job) pairs on a single tick loop."""

    def __init__(self, tick: float = 1.0) -> None:
        self.tick = tick
        self.jobs: List[Tuple[float, Job]] = []
        self._task: Optional[asyncio.Task] = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _loop(self) -> None:
        loop = asyncio.get_running_loop()
        last = {id(job): 0.0 for _, job in self.jobs}
        while True:
            now = loop.time()
            for interval, job in self.jobs:
                if now - last.get(id(job), 0.0) >= interval:
                    last[id(job)] = now
                    try:
                        await job()
                    except Exception:
                        log.exception("job failed")
            await asyncio.sleep(self.tick)
