"""Fan out one send per client."""

from __future__ import annotations

import asyncio


async def send(client: str, text: str) -> None:
    await asyncio.sleep(0)


async def broadcast(clients: list[str], text: str) -> None:
    [asyncio.create_task(send(c, text)) for c in clients]
    {asyncio.ensure_future(send(c, text)) for c in clients if c}
