import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def other() -> None:
    kept = asyncio.create_task(work())  # noqa: F841, E501  the name documents it
