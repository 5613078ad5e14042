import asyncio
from typing import Protocol


class Sink(Protocol):
    async def send(self, text: str) -> None: ...


async def stream_prices(sink: Sink, symbol: str) -> None:
    while True:
        await asyncio.sleep(1)
        await sink.send(f"{symbol}:1.0")
