"""A task dropped by the block that leaves its loop: it is lost, but once per run of the loop,
so the message makes no per-iteration claim. Near miss: the same drop on every iteration."""

import asyncio


async def first_ready(peers) -> None:
    for peer in peers:
        if peer.ready:
            asyncio.create_task(peer.greet())
            return


async def greet_all(peers) -> None:
    for peer in peers:
        asyncio.create_task(peer.greet())
