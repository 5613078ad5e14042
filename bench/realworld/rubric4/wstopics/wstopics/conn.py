import asyncio
import json
from typing import Dict


class Connection:
    def __init__(self, peer: str, writer: asyncio.StreamWriter) -> None:
        self.peer = peer
        self.writer = writer
        self.subscriptions: Dict[str, asyncio.Task] = {}

    async def push(self, topic: str, payload: dict) -> None:
        self.writer.write(json.dumps({"topic": topic, "payload": payload}).encode() + b"\n")
        await self.writer.drain()

    async def close(self) -> None:
        subs = list(self.subscriptions.values())
        self.subscriptions.clear()
        for task in subs:
            task.cancel()
        await asyncio.gather(*subs, return_exceptions=True)
        self.writer.close()
