import asyncio

_latest: dict[str, float] = {}


async def _refresh_prices() -> None:
    while True:
        await asyncio.sleep(60)
        _latest["EUR"] = 1.0


async def setup() -> None:
    asyncio.create_task(_refresh_prices())


async def on_message(text: str) -> None:
    asyncio.create_task(asyncio.sleep(0))


async def disconnect(client: str) -> None:
    """One client leaves: not the module's shutdown."""


async def shutdown() -> None:
    _latest.clear()
