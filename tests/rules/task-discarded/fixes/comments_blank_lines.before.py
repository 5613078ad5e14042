import asyncio


async def send(text: str) -> None:
    await asyncio.sleep(0)


async def handle(text: str) -> None:
    text = text.strip()

    # Reply at once; the client does not wait for the echo.
    # (See issue 12.)
    asyncio.create_task(send(text))  # keep this comment on the spawn line

    # the end
    return None
