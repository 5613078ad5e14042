import asyncio
import logging

from .client import MqttClient

log = logging.getLogger(__name__)


class Bridge:
    """Forwards MQTT messages to an HTTP sink and logs throughput."""

    def __init__(self, client: MqttClient, topics: list[str]) -> None:
        self._client = client
        self._topics = topics
        self._forward: asyncio.Task | None = None
        self._stats: asyncio.Task | None = None
        self.count = 0

    async def start(self) -> None:
        for topic in self._topics:
            await self._client.subscribe(topic)
        self._client.subscribe("bridge/status")
        self._forward = asyncio.create_task(self._forward_loop())
        self._stats = asyncio.create_task(self._stats_loop())

    async def _forward_loop(self) -> None:
        while True:
            topic, payload = await self._client.messages.get()
            self.count += 1
            log.debug("forward %s (%d bytes)", topic, len(payload))

    async def _stats_loop(self) -> None:
        while True:
            await asyncio.sleep(60)
            log.info("forwarded %d messages", self.count)

    async def stop(self) -> None:
        if self._forward is not None:
            self._forward.cancel()
