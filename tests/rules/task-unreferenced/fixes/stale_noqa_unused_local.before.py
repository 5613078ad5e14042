import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    task = asyncio.create_task(work())  # noqa: F841
