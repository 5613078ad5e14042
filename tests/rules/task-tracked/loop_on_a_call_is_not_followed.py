"""A loop on what a call gives (`while self._link.is_open():`, or negated: `while not
self._link.is_closed():`) stops when the call says so, which is not followed: the loop is not
known to run until cancelled, so a way out that skips the task's end leaves it to finish (low,
the way out named). The near misses: a loop on a flag of its own object that nothing clears
(`while self._open:`), or on an event nothing sets (`while not self._stop.is_set():`), runs
until cancelled, and the same skip leaves it running for good (medium)."""

import asyncio


class Link:
    def is_open(self) -> bool:
        return True

    def is_closed(self) -> bool:
        return False


class Poller:
    def __init__(self, link: Link) -> None:
        self._link = link
        self._open = True
        self._stop = asyncio.Event()

    async def _poll(self) -> None:
        while self._link.is_open():
            await asyncio.sleep(1)

    async def _watch(self) -> None:
        while self._open:
            await asyncio.sleep(1)

    async def _drain(self) -> None:
        while not self._link.is_closed():
            await asyncio.sleep(1)

    async def _tick(self) -> None:
        while not self._stop.is_set():
            await asyncio.sleep(1)

    async def run(self) -> None:
        poll = asyncio.create_task(self._poll())
        await asyncio.sleep(5)
        poll.cancel()

    async def watch(self) -> None:
        watcher = asyncio.create_task(self._watch())
        await asyncio.sleep(5)
        watcher.cancel()

    async def drain(self) -> None:
        drainer = asyncio.create_task(self._drain())
        await asyncio.sleep(5)
        drainer.cancel()

    async def tick(self) -> None:
        ticker = asyncio.create_task(self._tick())
        await asyncio.sleep(5)
        ticker.cancel()
