"""tracked-set through the keep-helper: one send per client, built in a comprehension."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 3


async def send(client: str) -> None:
    await gate()
    done(client)


async def broadcast(clients: list[str]) -> None:
    [asyncio.create_task(send(c)) for c in clients]


async def drive_start() -> None:
    await broadcast(["a", "b", "c"])
