"""The near misses of task-tracked/ended_by_the_paired_handler: a task re-spawned on every
connect and cancelled only by close(), which runs once, or only by a cleanup the connect itself
calls when it fails: a second connect leaves the first task running, unreferenced."""

import asyncio


class Pinger:
    def __init__(self, iot) -> None:
        self._ping: asyncio.Task[None] | None = None
        iot.register_on_connect(self.on_connect)

    async def on_connect(self) -> None:
        self._ping = asyncio.create_task(self._ping_loop())

    async def close(self) -> None:
        if self._ping is not None:
            self._ping.cancel()

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(30)


class Refresher:
    def __init__(self, iot) -> None:
        self._refresh: asyncio.Task[None] | None = None
        iot.register_on_connect(self.on_connect)

    async def on_connect(self) -> None:
        try:
            self._refresh = asyncio.create_task(self._refresh_loop())
            await self._handshake()
        except OSError:
            await self._cleanup()
            raise

    async def _cleanup(self) -> None:
        if self._refresh is not None:
            self._refresh.cancel()

    async def _handshake(self) -> None:
        await asyncio.sleep(0)

    async def _refresh_loop(self) -> None:
        while True:
            await asyncio.sleep(60)
