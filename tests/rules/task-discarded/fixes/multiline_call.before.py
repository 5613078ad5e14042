import asyncio


async def send(text: str, *, retries: int) -> None:
    await asyncio.sleep(0)


async def handle(text: str) -> None:
    asyncio.create_task(
        send(
            text,  # the payload
            retries=3,
        ),
        name="send",
    )
