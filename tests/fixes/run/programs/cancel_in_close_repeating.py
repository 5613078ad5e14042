"""cancel-in-close, unsafe: the keep-alive is spawned on every connect(); the previous one is
cancelled before the next spawn, the last one in disconnect()."""

import asyncio

from runkit import done, gate

FIX = "cancel-in-close"
UNSAFE = True
EXPECTED_DONE = 1  # the live keep-alive's first ping


class Proxy:
    def __init__(self) -> None:
        self._keepalive: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._keepalive = asyncio.create_task(self._maintain())

    async def _maintain(self) -> None:
        while True:
            await gate()
            done("ping")

    async def disconnect(self) -> None:
        print("bye")


async def connect_twice(proxy: Proxy) -> None:
    for _ in range(2):
        await proxy.connect()


async def drive_start() -> Proxy:
    proxy = Proxy()
    await connect_twice(proxy)  # a connect, then a reconnect
    return proxy


async def drive_stop(proxy: Proxy) -> None:
    await proxy.disconnect()
