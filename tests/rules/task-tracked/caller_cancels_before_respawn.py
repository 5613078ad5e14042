"""A client whose reconnect path cancels the reader before it calls the method that spawns a
new one: the method runs again on every reconnect, but never over a live reader."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._connect_init()

    async def _connect_init(self) -> None:
        self._reader = asyncio.create_task(self._read_loop())

    async def _read_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _reconnect(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        await self._connect_init()

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(10)
            await self._reconnect()

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()


async def main() -> None:
    client = Client()
    await client.connect()
    await client._reconnect()
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
