import asyncio
import os  # noqa: F401  (another tool's code: never reported)


async def fire_and_forget(message: str) -> None:
    asyncio.create_task(send(message))  # noqa: TL101  metrics only, loss is fine


async def from_ruff(message: str) -> None:
    asyncio.create_task(send(message))  # noqa: RUF006  ruff's code for the same finding


async def partly_used(message: str) -> None:
    asyncio.create_task(send(message))  # noqa: TL101, TL201


async def typo(message: str) -> None:
    asyncio.create_task(send(message))  # noqa: TL101, TL109


async def send(message: str) -> None:
    await asyncio.sleep(0)
