import asyncio
import json
import logging

log = logging.getLogger(__name__)


class Shard:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._ready_task: asyncio.Task | None = None
        self._presence_task: asyncio.Task | None = None
        self.ready = asyncio.Event()

    async def _send(self, payload: dict) -> None:
        self._writer.write(json.dumps(payload).encode() + b"\n")
        await self._writer.drain()

    async def run(self) -> None:
        _ = asyncio.create_task(self._send({"op": "identify"}))
        async for line in self._reader:
            frame = json.loads(line)
            if frame["t"] == "READY":
                self._on_ready()
            elif frame["t"] == "PRESENCE_ON":
                self._on_presence_on()

    def _on_ready(self) -> None:
        if self._ready_task is not None:
            self._ready_task.cancel()
        self._ready_task = asyncio.create_task(self._delay_ready())
        self._ready_task.add_done_callback(self._clear_ready)

    def _clear_ready(self, task: asyncio.Task) -> None:
        if self._ready_task is task:
            self._ready_task = None

    async def _delay_ready(self) -> None:
        await asyncio.sleep(2.0)
        self.ready.set()

    def _on_presence_on(self) -> None:
        if self._presence_task is None:
            self._presence_task = asyncio.create_task(self._presence_loop())

    async def _presence_loop(self) -> None:
        try:
            while True:
                await self._send({"op": "presence", "status": "online"})
                await asyncio.sleep(60.0)
        finally:
            self._presence_task = None

    async def close(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()
