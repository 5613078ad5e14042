"""A keep-alive loop restarted on every reconnect: the old loop is cancelled first, but the loop
itself never ends and nothing stops the last one."""

import asyncio


class Link:
    def __init__(self, transport) -> None:
        self._transport = transport
        self._keepalive: asyncio.Task[None] | None = None

    def reconnected(self) -> None:
        if self._keepalive is not None:
            self._keepalive.cancel()
        self._keepalive = asyncio.create_task(self._ping_forever())

    async def _ping_forever(self) -> None:
        while True:
            await asyncio.sleep(15)
            await self._transport.ping()
