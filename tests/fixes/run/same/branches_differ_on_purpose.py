"""Both branches of `if wait_for_write: await x / else: create_task(x)` are on purpose: an
unsafe await fix that merges them makes the caller wait where it must not."""

import asyncio

UNSAFE = True


async def write(text: str) -> None:
    await asyncio.sleep(0)
    print("written", text)


async def send(text: str, wait_for_write: bool) -> None:
    if wait_for_write:
        await write(text)
    else:
        asyncio.create_task(write(text))
    print("send returned", text)


async def main() -> None:
    await send("a", True)
    await send("b", False)
    for _ in range(5):
        await asyncio.sleep(0)


asyncio.run(main())
