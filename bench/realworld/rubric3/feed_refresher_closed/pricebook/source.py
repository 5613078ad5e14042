import asyncio


class PriceSource:
    async def connect(self) -> None:
        await asyncio.sleep(0)

    async def fetch(self) -> dict[str, float]:
        await asyncio.sleep(0)
        return {}

    async def disconnect(self) -> None:
        await asyncio.sleep(0)
