import asyncio


class Session:
    """One upstream session, kept alive by a ping loop."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._keepalive: asyncio.Task | None = None

    def start(self) -> None:
        self._keepalive = asyncio.create_task(self._ping_loop())

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(20)

    async def close(self) -> None:
        if self._keepalive is not None:
            self._keepalive.cancel()
            await asyncio.gather(self._keepalive, return_exceptions=True)
