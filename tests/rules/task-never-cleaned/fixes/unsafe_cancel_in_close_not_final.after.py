import asyncio


class Link:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        await asyncio.sleep(0)

    async def reconnect(self) -> None:
        await self.disconnect()
        await self.start()

    async def disconnect(self) -> None:
        print("bye")


class Watcher:
    def __init__(self) -> None:
        self._watch: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._watch = asyncio.create_task(self.close())

    async def close(self) -> None:
        await asyncio.sleep(0)
