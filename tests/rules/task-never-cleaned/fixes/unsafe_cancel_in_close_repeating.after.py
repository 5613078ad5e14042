import asyncio
from contextlib import suppress


class Proxy:
    def __init__(self) -> None:
        self._keepalive: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        if self._keepalive is not None:
            self._keepalive.cancel()
        self._keepalive = asyncio.create_task(self._maintain())

    async def _maintain(self) -> None:
        while True:
            await asyncio.sleep(20)

    async def disconnect(self) -> None:
        with suppress(OSError):
            print("bye")
        if self._keepalive is not None:
            self._keepalive.cancel()
            await asyncio.gather(self._keepalive, return_exceptions=True)


async def reconnect_forever(proxy: Proxy) -> None:
    while True:
        await proxy.connect()
