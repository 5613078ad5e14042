import asyncio
from collections import defaultdict


class RoomHub:
    def __init__(self) -> None:
        self._queues: dict[str, list[asyncio.Queue]] = defaultdict(list)

    def listen(self, room: str) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(maxsize=100)
        self._queues[room].append(queue)
        return queue

    def publish(self, room: str, text: str) -> None:
        for queue in self._queues[room]:
            if not queue.full():
                queue.put_nowait(text)
