"""An entity calls the helper through two attributes: `self._device` (annotated) and the
device's `gateway` property. `self._other.async_create_task` is on an object nothing types:
not followed."""

from zig.gateway import Device


class Light:
    def __init__(self, device: Device, other) -> None:  # noqa: ANN001
        self._device: Device = device
        self._other = other

    async def _refresh(self) -> None:
        pass

    def on_update(self) -> None:
        self._device.gateway.async_create_task(self._refresh())

    def on_other(self) -> None:
        self._other.async_create_task(self._refresh())
