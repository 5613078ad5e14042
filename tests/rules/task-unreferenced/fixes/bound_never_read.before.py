import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def start() -> None:
    task = asyncio.create_task(work())
    _ = asyncio.create_task(work())
    pending: asyncio.Task[None] = asyncio.create_task(work())
