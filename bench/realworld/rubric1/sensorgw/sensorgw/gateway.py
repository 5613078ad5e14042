from __future__ import annotations

import asyncio

from .device import SensorDevice


class Gateway:
    def __init__(self) -> None:
        self.devices: dict[str, SensorDevice] = {}
        self.readings: dict[str, float] = {}

    def _record(self, device_id: str, value: float) -> None:
        self.readings[device_id] = value

    def add_device(self, device_id: str) -> SensorDevice:
        device = SensorDevice(device_id, self._record)
        self.devices[device_id] = device
        device.start()
        asyncio.create_task(self._announce(device_id))
        return device

    async def _announce(self, device_id: str) -> None:
        await asyncio.sleep(0)
        self.readings.setdefault(device_id, float("nan"))

    async def remove_device(self, device_id: str) -> None:
        self.devices.pop(device_id, None)
        self.readings.pop(device_id, None)

    async def close(self) -> None:
        await asyncio.gather(*(device.stop() for device in self.devices.values()))
        self.devices.clear()
