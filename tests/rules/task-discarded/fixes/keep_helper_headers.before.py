import asyncio


async def ping() -> None:
    await asyncio.sleep(0)


async def probe(retries: int) -> None:
    if asyncio.create_task(ping()):
        pass
    while retries and asyncio.create_task(ping()):
        retries -= 1
    print(asyncio.create_task(ping()))
