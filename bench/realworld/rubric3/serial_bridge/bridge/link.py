import asyncio
import logging

from .device import Device

log = logging.getLogger(__name__)


class Link:
    def __init__(self, device: Device) -> None:
        self._device = device
        self._frames: asyncio.Queue[bytes] = asyncio.Queue()
        self._reader: asyncio.Task | None = None
        self._settle: asyncio.Task | None = None

    def open(self) -> None:
        self._reader = asyncio.create_task(self._read_forever())
        self._settle = asyncio.create_task(self._device.set_baud(115200))

    async def _read_forever(self) -> None:
        while True:
            frame = await self._device.reader.readuntil(b"\r\n")
            self._frames.put_nowait(frame)
            asyncio.create_task(self._log_frame(frame))

    async def _log_frame(self, frame: bytes) -> None:
        log.debug("frame %r", frame)

    async def close(self) -> None:
        await self._device.send_goodbye()
        self._reader.cancel()
        self._settle.cancel()
        self._device.writer.close()
