import asyncio


class Proxy:
    def __init__(self) -> None:
        self._keepalive = None

    async def start(self) -> None:
        self._keepalive = asyncio.create_task(self._maintain())

    async def _maintain(self) -> None:
        while True:
            await asyncio.sleep(20)

    async def close(self) -> None:
        """Close."""
        pass
