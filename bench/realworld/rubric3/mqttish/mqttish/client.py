import asyncio
import logging

from .packets import PINGREQ, parse_publish, puback

log = logging.getLogger(__name__)


class BrokerClient:
    def __init__(self, host: str, port: int = 1883, keepalive: float = 20.0) -> None:
        self._host = host
        self._port = port
        self._keepalive = keepalive
        self._loop = asyncio.get_event_loop()
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._ping_task: asyncio.Task | None = None
        self._inbox: asyncio.Queue[bytes] = asyncio.Queue()

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        self._ping_task = asyncio.create_task(self._ping_loop())

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(self._keepalive)
            try:
                self._writer.write(PINGREQ)
                await self._writer.drain()
            except ConnectionError:
                log.warning("broker link lost, reconnecting")
                await self.connect()

    async def _ack(self, packet_id: int) -> None:
        self._writer.write(puback(packet_id))
        await self._writer.drain()

    def on_frame(self, frame: bytes) -> None:
        """Called by the protocol reader for each PUBLISH frame."""
        packet_id, payload = parse_publish(frame)
        self._inbox.put_nowait(payload)
        self._loop.call_soon(lambda: self._loop.create_task(self._ack(packet_id)))

    async def disconnect(self) -> None:
        if self._ping_task is not None:
            self._ping_task.cancel()
        if self._writer is not None:
            self._writer.close()
