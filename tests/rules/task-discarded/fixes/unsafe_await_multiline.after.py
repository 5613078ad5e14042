import asyncio


async def send(text: str) -> None:
    await asyncio.sleep(0)


async def reply(text: str) -> None:
    await (
        send(text)  # short: the caller can wait
    )
