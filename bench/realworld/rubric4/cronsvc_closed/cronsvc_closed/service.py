import asyncio
import json
from typing import Optional

from .scheduler import Scheduler


class ReportService:
    def __init__(self, config_path: str) -> None:
        self.config_path = config_path
        self.scheduler = Scheduler()
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    def _load_jobs(self) -> None:
        with open(self.config_path) as fh:
            cfg = json.load(fh)
        self.scheduler.jobs = [(float(j["every"]), self._make_job(j["name"])) for j in cfg["jobs"]]

    def _make_job(self, name: str):
        async def job() -> None:
            print("running report", name)
        return job

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._load_jobs()
        self.scheduler.start()

    async def reload(self) -> None:
        await self.scheduler.stop()
        self._load_jobs()
        self.scheduler.start()

    def on_file_changed(self) -> "asyncio.Future":
        """Called from the file-watcher thread; the watcher waits on the returned future."""
        return asyncio.run_coroutine_threadsafe(self.reload(), self._loop)

    async def close(self) -> None:
        await self.scheduler.stop()
        self.scheduler.jobs = []
