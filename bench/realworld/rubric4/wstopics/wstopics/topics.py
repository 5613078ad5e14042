import asyncio
from typing import Dict, List

from .conn import Connection


class TopicBus:
    def __init__(self) -> None:
        self._listeners: Dict[str, List[asyncio.Queue]] = {}

    def listen(self, topic: str) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(maxsize=256)
        self._listeners.setdefault(topic, []).append(queue)
        return queue

    def publish(self, topic: str, payload: dict) -> None:
        for queue in self._listeners.get(topic, []):
            if not queue.full():
                queue.put_nowait(payload)


async def _forward(conn: Connection, topic: str, queue: asyncio.Queue) -> None:
    while True:
        payload = await queue.get()
        await conn.push(topic, payload)


def on_subscribe(conn: Connection, bus: TopicBus, topic: str) -> None:
    previous = conn.subscriptions.pop(topic, None)
    if previous is not None:
        previous.cancel()
    conn.subscriptions[topic] = asyncio.create_task(_forward(conn, topic, bus.listen(topic)))


def on_unsubscribe(conn: Connection, topic: str) -> None:
    task = conn.subscriptions.pop(topic, None)
    if task is not None:
        task.cancel()
