"""The tasks are added to an attribute by open_stream(), and another method hands the set out:
that getter does not end them, and nothing else does either."""

import asyncio


class Streams:
    def __init__(self) -> None:
        self._streams: set[asyncio.Task[None]] = set()

    def open_stream(self, name: str) -> None:
        self._streams.add(asyncio.create_task(self._pump(name)))

    def streams(self) -> set[asyncio.Task[None]]:
        return self._streams

    async def _pump(self, name: str) -> None:
        await asyncio.sleep(0)
