import asyncio


class TopicTable:
    def __init__(self) -> None:
        self._queues: dict[str, asyncio.Queue] = {}
        self._fanouts: dict[str, asyncio.Task] = {}
        self._subscribers: dict[str, list[asyncio.StreamWriter]] = {}
        self._deliveries: set[asyncio.Task] = set()

    def subscribe(self, topic: str, writer: asyncio.StreamWriter) -> None:
        self._subscribers.setdefault(topic, []).append(writer)
        if topic not in self._fanouts:
            self._queues[topic] = asyncio.Queue()
            self._fanouts[topic] = asyncio.create_task(self._fan_out(topic))

    def publish(self, topic: str, payload: bytes) -> None:
        if topic in self._queues:
            self._queues[topic].put_nowait(payload)

    async def _fan_out(self, topic: str) -> None:
        while True:
            payload = await self._queues[topic].get()
            for writer in self._subscribers[topic]:
                self._deliveries.add(asyncio.create_task(self._deliver(writer, payload)))

    async def _deliver(self, writer: asyncio.StreamWriter, payload: bytes) -> None:
        writer.write(payload + b"\n")
        await writer.drain()
