import asyncio
from dataclasses import dataclass


@dataclass
class Pinger:
    host: str

    async def ping(self) -> None:
        await asyncio.sleep(0)

    def on_tick(self) -> None:
        asyncio.create_task(self.ping())
