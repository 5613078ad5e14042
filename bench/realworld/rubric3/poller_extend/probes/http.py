import asyncio

from .base import PeriodicProbe


class HttpProbe(PeriodicProbe):
    def __init__(self, interval: float, host: str) -> None:
        super().__init__(interval)
        self._host = host
        self.failures = 0

    def restart(self, interval: float) -> None:
        super().restart(interval)
        self.failures = 0

    async def check(self) -> None:
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(self._host, 80), 3.0)
        except (OSError, asyncio.TimeoutError):
            self.failures += 1
        else:
            writer.close()
