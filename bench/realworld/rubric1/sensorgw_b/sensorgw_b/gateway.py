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
        return device

    async def remove_device(self, device_id: str) -> None:
        device = self.devices.pop(device_id, None)
        self.readings.pop(device_id, None)
        if device is not None:
            await device.stop()

    async def close(self) -> None:
        await asyncio.gather(*(device.stop() for device in self.devices.values()))
        self.devices.clear()
