import asyncio


class MqttClient:
    def __init__(self, host: str) -> None:
        self.host = host
        self.messages: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()

    async def _sub(self, topic: str) -> None:
        await asyncio.sleep(0.05)

    def subscribe(self, topic: str) -> "asyncio.Future[None]":
        return asyncio.ensure_future(self._sub(topic))

    async def publish(self, topic: str, payload: bytes) -> None:
        await asyncio.sleep(0)
