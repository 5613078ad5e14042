from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Message:
    id: int
    topic: str
    body: Any


class Subscriber(Protocol):
    async def deliver(self, message: Message) -> None: ...


@dataclass
class QueueSubscriber:
    queue: asyncio.Queue[Message] = field(default_factory=asyncio.Queue)

    async def deliver(self, message: Message) -> None:
        await self.queue.put(message)


@dataclass
class WebhookSubscriber:
    url: str
    timeout: float = 10.0

    async def deliver(self, message: Message) -> None:
        host = self.url.split("/")[2]
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, 80), self.timeout)
        try:
            writer.write(f"POST {self.url} HTTP/1.0\r\n\r\n{message.body}".encode())
            await writer.drain()
            await reader.read()
        finally:
            writer.close()
