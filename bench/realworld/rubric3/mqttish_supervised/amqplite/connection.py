import asyncio
import logging

log = logging.getLogger(__name__)

HEARTBEAT_FRAME = b"\x08\x00\x00\x00\x00\x00\x00\xce"


class Connection:
    def __init__(self, host: str, port: int = 5672, heartbeat: float = 30.0) -> None:
        self._host = host
        self._port = port
        self._heartbeat = heartbeat
        self._writer: asyncio.StreamWriter | None = None
        self._beat_task: asyncio.Task | None = None
        self._supervisor: asyncio.Task | None = None
        self._link_lost = asyncio.Event()

    async def open(self) -> None:
        await self._connect()
        self._supervisor = asyncio.create_task(self._supervise())

    async def _connect(self) -> None:
        _, self._writer = await asyncio.open_connection(self._host, self._port)
        self._beat_task = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat)
            try:
                self._writer.write(HEARTBEAT_FRAME)
                await self._writer.drain()
            except ConnectionError:
                self._link_lost.set()
                return

    async def _supervise(self) -> None:
        while True:
            await self._link_lost.wait()
            self._link_lost.clear()
            while True:
                try:
                    await self._connect()
                    break
                except OSError:
                    log.warning("reconnect failed, retrying")
                    await asyncio.sleep(2.0)

    async def close(self) -> None:
        for task in (self._supervisor, self._beat_task):
            if task is not None:
                task.cancel()
        if self._writer is not None:
            self._writer.close()
