import asyncio
import signal

from .config import load_config
from .pool import WorkerPool


async def fetch_jobs(queue: str) -> list:
    await asyncio.sleep(0)
    return []


class App:
    def __init__(self, config_path: str) -> None:
        self.config_path = config_path
        self.pool = WorkerPool(fetch_jobs)
        self._stopped = asyncio.Event()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        self.pool.start(load_config(self.config_path))
        loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.create_task(self.pool.reload(load_config(self.config_path))))
        loop.add_signal_handler(signal.SIGTERM, self._stopped.set)
        try:
            await self._stopped.wait()
        finally:
            await self.pool.close()
