from .base import Device
from .devices import SerialDevice, UsbDevice


class Hub:
    def __init__(self) -> None:
        self.devices: dict[str, Device] = {}

    async def add(self, device_id: str, kind: str) -> None:
        if device_id in self.devices:
            return
        device = SerialDevice(device_id) if kind == "serial" else UsbDevice(device_id)
        await device.attach()
        self.devices[device_id] = device

    async def shutdown(self) -> None:
        for device in self.devices.values():
            await device.detach()
        self.devices.clear()
