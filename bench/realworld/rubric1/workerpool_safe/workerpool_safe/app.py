from __future__ import annotations

import logging
from typing import Any

from .scheduler import Scheduler

log = logging.getLogger(__name__)


async def _log_job(job: Any) -> None:
    log.info("job: %r", job)


class QueueApp:
    def __init__(self, config: dict[str, list[str]]) -> None:
        self.config = config
        self.scheduler = Scheduler()

    async def start(self) -> None:
        self.scheduler.start()
        self.apply_config()

    def apply_config(self) -> None:
        for name in self.config.get("queues", []):
            self.scheduler.add_worker(name, _log_job)

    def on_config_reload(self, config: dict[str, list[str]]) -> None:
        self.config = config
        self.apply_config()

    async def stop(self) -> None:
        await self.scheduler.shutdown()
