import asyncio

from .transport import Transport


class HeartbeatClient(Transport):
    """Sends a heartbeat frame every `interval` seconds."""

    def __init__(self, host: str, port: int, interval: float = 10.0) -> None:
        super().__init__(host, port)
        self.interval = interval
        self._heartbeat: asyncio.Task | None = None

    async def open(self) -> None:
        await super().open()
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            if self._writer is not None and not self._writer.is_closing():
                await self.send(b"PING\n")

    async def close(self) -> None:
        await super().close()


class PingingClient(Transport):
    """Same protocol, but its close also stops the pinger."""

    def __init__(self, host: str, port: int, interval: float = 10.0) -> None:
        super().__init__(host, port)
        self.interval = interval
        self._pinger: asyncio.Task | None = None

    async def open(self) -> None:
        await super().open()
        self._pinger = asyncio.create_task(self._ping())

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            if self._writer is not None and not self._writer.is_closing():
                await self.send(b"PING\n")

    async def close(self) -> None:
        if self._pinger is not None:
            self._pinger.cancel()
        await super().close()
