"""A market-data stream client with a reconnect path."""
import asyncio
import logging

log = logging.getLogger(__name__)


class StreamClient:
    def __init__(self, url: str) -> None:
        self.url = url
        self._hb: asyncio.Task | None = None
        self._connected = asyncio.Event()

    async def connect(self) -> None:
        await asyncio.sleep(0)  # dial
        self._connected.set()
        self._hb = asyncio.create_task(self._heartbeat())

    async def reconnect(self) -> None:
        """Called by the application whenever a read times out."""
        self._connected.clear()
        await self.connect()

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(15)
            log.debug("heartbeat to %s", self.url)

    def on_frame(self, frame: bytes) -> None:
        asyncio.ensure_future(self._handle(frame))

    async def _handle(self, frame: bytes) -> None:
        log.info("frame %r", frame)

    async def close(self) -> None:
        if self._hb is not None:
            self._hb.cancel()


class SafeStreamClient:
    def __init__(self, url: str) -> None:
        self.url = url
        self._hb: asyncio.Task | None = None
        self._connected = asyncio.Event()

    async def connect(self) -> None:
        await asyncio.sleep(0)  # dial
        self._connected.set()
        if self._hb is not None:
            self._hb.cancel()
        self._hb = asyncio.create_task(self._heartbeat())

    async def reconnect(self) -> None:
        """Called by the application whenever a read times out."""
        self._connected.clear()
        await self.connect()

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(15)
            log.debug("heartbeat to %s", self.url)

    async def close(self) -> None:
        if self._hb is not None:
            self._hb.cancel()
