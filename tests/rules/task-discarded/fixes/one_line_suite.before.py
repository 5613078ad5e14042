import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def maybe(flag: bool) -> None:
    if flag: asyncio.create_task(work())
    print("started"); asyncio.create_task(work()); print("again")
