import asyncio
import logging
import socket

from .transport import Transport

log = logging.getLogger(__name__)


class LogShipper:
    def __init__(self, host: str, port: int) -> None:
        self.transport = Transport(host, port)

    async def start(self) -> None:
        while True:
            try:
                await self.transport.open()
                await self.transport.send_backlog()
                break
            except OSError:
                log.warning("collector down, retrying in 3s")
                await asyncio.sleep(3.0)
        _ = asyncio.create_task(self._announce())

    async def _announce(self) -> None:
        self.ship(f"shipper online on {socket.gethostname()}")

    def ship(self, line: str) -> None:
        self.transport.pending.append(line.encode())

    async def close(self) -> None:
        await self.transport.close()
