"""The gateway mixes the helper in; a device holds its gateway, given through a property."""

from zig.async_util import AsyncUtilMixin


class Gateway(AsyncUtilMixin):
    async def _poll(self) -> None:
        pass

    def start(self) -> None:
        self.async_create_task(self._poll())  # `self`: the mixin's helper


class Device:
    def __init__(self, gateway: Gateway) -> None:
        self._gateway: Gateway = gateway

    @property
    def gateway(self):  # noqa: ANN201 (typed by the attribute it returns)
        return self._gateway
