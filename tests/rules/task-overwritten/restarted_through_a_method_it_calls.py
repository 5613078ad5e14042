"""open() starts the listener through _open_impl(); the listener's reconnect calls open()
again (once, as its retry loop is left), and each round starts another heartbeat."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None
        self._listener: asyncio.Task[None] | None = None
        self._reconnect: asyncio.Task[None] | None = None

    async def open(self) -> None:
        await self._open_impl()

    async def _open_impl(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat())
        self._listener = asyncio.create_task(self._listen())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def _listen(self) -> None:
        try:
            await asyncio.sleep(3600)
        finally:

            async def reconnect() -> None:
                while True:
                    try:
                        await self.open()
                        break
                    except OSError:
                        await asyncio.sleep(1)

            self._reconnect = asyncio.create_task(reconnect())

    async def close(self) -> None:
        for task in (self._heartbeat, self._listener, self._reconnect):
            if task is not None:
                task.cancel()
