import abc
import asyncio
import logging
from typing import Optional

log = logging.getLogger(__name__)


class Device(abc.ABC):
    """A network device polled for status; subclasses implement the protocol."""

    status_interval = 20.0

    def __init__(self, host: str) -> None:
        self.host = host
        self.online = False
        self._status_task: Optional[asyncio.Task] = None

    @abc.abstractmethod
    async def query_status(self) -> dict:
        ...

    async def open(self) -> None:
        self._status_task = asyncio.create_task(self._status_loop())

    async def _status_loop(self) -> None:
        while True:
            try:
                status = await self.query_status()
                self.online = bool(status.get("ok"))
            except OSError:
                self.online = False
            await asyncio.sleep(self.status_interval)

    async def close(self) -> None:
        if self._status_task is not None:
            self._status_task.cancel()
            self._status_task = None
