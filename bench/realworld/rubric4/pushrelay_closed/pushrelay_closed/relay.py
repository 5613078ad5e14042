import asyncio
import json
import weakref
from typing import Dict, Optional

from .tracker import TaskTracker


class PushRelay:
    """Relays device notifications from upstream channels to connected phones."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.tracker = TaskTracker()
        self.devices: Dict[str, asyncio.StreamWriter] = {}
        self._server: Optional[asyncio.AbstractServer] = None
        self._stats_ref: Optional[weakref.ref] = None

    async def start(self, port: int) -> None:
        self._server = await asyncio.start_server(self._register, "0.0.0.0", port)
        self._stats_ref = weakref.ref(asyncio.create_task(self._report_stats()))

    async def _report_stats(self) -> None:
        while True:
            await asyncio.sleep(30)
            print("devices:", len(self.devices))

    async def _register(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        device_id = (await reader.readline()).decode().strip()
        self.devices[device_id] = writer
        self.tracker.spawn(self._relay_channel(device_id))

    async def _relay_channel(self, device_id: str) -> None:
        reader, writer = await asyncio.open_connection(*self.upstream)
        writer.write(json.dumps({"subscribe": device_id}).encode() + b"\n")
        while True:
            line = await reader.readline()
            if not line:
                await asyncio.sleep(5)
                continue
            phone = self.devices.get(device_id)
            if phone is not None:
                phone.write(line)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        await self.tracker.close()
        for writer in self.devices.values():
            writer.close()
