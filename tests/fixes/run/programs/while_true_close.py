"""tracked-set for a coroutine that runs forever: kept in a set, it is no longer destroyed
mid-run; close() is left as it is (a safe fix cancels nothing), so the loop keeps running."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
RUNS_FOREVER = True  # kept now, and still running: a safe fix does not end it
EXPECTED_DONE = 1  # one poll, then it waits for the next


class Feed:
    def __init__(self) -> None:
        self._items: list[str] = []

    async def start(self) -> None:
        asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await gate()
            done("poll")

    async def close(self) -> None:
        self._items.clear()


async def drive_start() -> Feed:
    feed = Feed()
    await feed.start()
    return feed


async def drive_stop(feed: Feed) -> None:
    await feed.close()
