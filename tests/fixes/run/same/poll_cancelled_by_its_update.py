"""pysqueezebox 0.14.0's poll, reduced: `_async_poll()` runs in the task `self._poll` holds
and spawns `self.async_update()`, which first cancels `self._poll`. Spawned, the update
cancels a poll that has done its work; awaited (the unsafe await fix), it cancels the very
task awaiting it, and polling stops: the property never reaches its value."""

import asyncio

UNSAFE = True


class Player:
    def __init__(self) -> None:
        self._poll: "asyncio.Task[None] | None" = None
        self.volume = 0

    async def async_update(self) -> bool:
        # cancel a pending poll: we were called by hand, or by the poll itself
        if self._poll and not self._poll.done():
            self._poll.cancel()
        await asyncio.sleep(0)  # the query to the server
        self.volume += 10
        if self.volume < 30:
            self._poll = asyncio.create_task(self._async_poll(0))
        return True

    async def _async_poll(self, interval: float) -> None:
        await asyncio.sleep(interval)
        asyncio.create_task(self.async_update())


async def main() -> None:
    player = Player()
    await player.async_update()
    for _ in range(20):  # bounded by loop turns: a broken poll shows as output
        await asyncio.sleep(0)
    print("volume", player.volume)


asyncio.run(main())
