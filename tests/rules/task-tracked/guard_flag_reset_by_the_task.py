"""A sender that starts one reconnect at a time: the flag it sets before the spawn is reset only
by the reconnect task itself, so the loop cannot start another while it runs; disconnect()
cancels and awaits the last one. `main()` ends its send loop (which runs while connected)
only past two awaits that may fail, and `asyncio.run()`'s cancel of what is left is no end of
it: medium."""

import asyncio


class Sender:
    def __init__(self) -> None:
        self._connected = True
        self._reconnecting = False
        self._reconnect_task: asyncio.Task[None] | None = None

    def _start_reconnect(self) -> None:
        if self._connected and not self._reconnecting:
            self._reconnecting = True
            self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        await asyncio.sleep(0)
        self._reconnecting = False

    async def _send_loop(self) -> None:
        while self._connected:
            await asyncio.sleep(0.01)
            self._start_reconnect()

    async def disconnect(self) -> None:
        self._connected = False
        if self._reconnect_task is not None:
            self._reconnect_task.cancel()
            try:
                await self._reconnect_task
            except asyncio.CancelledError:
                pass


async def main() -> None:
    sender = Sender()
    loop_task = asyncio.create_task(sender._send_loop())
    await asyncio.sleep(0.05)
    await sender.disconnect()
    await loop_task


if __name__ == "__main__":
    asyncio.run(main())
