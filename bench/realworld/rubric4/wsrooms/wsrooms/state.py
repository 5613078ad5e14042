import asyncio
from dataclasses import dataclass, field
from typing import Dict


@dataclass
class ClientState:
    client_id: str
    writer: asyncio.StreamWriter
    feeds: Dict[str, asyncio.Task] = field(default_factory=dict)

    async def send(self, line: bytes) -> None:
        self.writer.write(line + b"\n")
        await self.writer.drain()

    def close(self) -> None:
        for task in self.feeds.values():
            task.cancel()
        self.feeds.clear()
        self.writer.close()
