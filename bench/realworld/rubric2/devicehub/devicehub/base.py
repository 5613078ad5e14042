class Device:
    """A device on the hub; detach() releases its port."""

    def __init__(self, device_id: str) -> None:
        self.device_id = device_id
        self.port_open = False

    async def attach(self) -> None:
        self.port_open = True

    async def detach(self) -> None:
        self.port_open = False
