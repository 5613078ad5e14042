from .bridge import Bridge
from .client import MqttClient


class App:
    def __init__(self, host: str) -> None:
        self.client = MqttClient(host)
        self.bridge = Bridge(self.client, ["sensors/#"])

    async def run(self) -> None:
        await self.bridge.start()

    async def stop(self) -> None:
        await self.bridge.stop()
