import asyncio

from .base import Device


class SerialDevice(Device):
    async def attach(self) -> None:
        await super().attach()
        self._monitor = asyncio.create_task(self._monitor_loop())

    async def _monitor_loop(self) -> None:
        while True:
            await asyncio.sleep(2)

    async def detach(self) -> None:
        self._monitor.cancel()
        await super().detach()


class UsbDevice(Device):
    async def attach(self) -> None:
        await super().attach()
        self._monitor = asyncio.create_task(self._monitor_loop())

    async def _monitor_loop(self) -> None:
        while True:
            await asyncio.sleep(2)
