"""The callers in another module: one drops the task (the helper keeps it until it is done:
low), one keeps it and never ends it, one races it and leaves the loser running (medium: what
the caller does with the task it got back decides, as with asyncio.create_task)."""

import asyncio

from app.background import create


class Reader:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None

    def start(self) -> None:
        create(self._read())
        self._reader = create(self._read())

    def close(self) -> None:
        pass

    async def _read(self) -> None:
        await asyncio.sleep(1)


async def serve(stop: asyncio.Event) -> None:
    server = create(asyncio.sleep(10))
    stopped = create(stop.wait())
    await asyncio.wait({server, stopped}, return_when=asyncio.FIRST_COMPLETED)
