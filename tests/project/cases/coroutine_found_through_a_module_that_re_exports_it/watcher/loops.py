"""`watch` runs until it is cancelled; `once` ends by itself."""

import asyncio


async def watch() -> None:
    while True:
        await asyncio.sleep(1)


async def once() -> None:
    await asyncio.sleep(1)
