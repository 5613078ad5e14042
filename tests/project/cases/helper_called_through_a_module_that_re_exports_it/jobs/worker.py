"""Calls of the helper by the names `jobs/tasks.py` gives it: the one kept and cancelled in
`close()` is low (TL001); the ones dropped, by name or through the module, are high (TL101),
as when the helper is defined in `jobs/tasks.py` itself."""

import asyncio

from jobs import tasks
from jobs.tasks import start


async def beat() -> None:
    while True:
        await asyncio.sleep(1)


class Worker:
    def __init__(self) -> None:
        self._beat: asyncio.Task[None] | None = None

    def open(self) -> None:
        self._beat = start(beat())

    def close(self) -> None:
        if self._beat is not None:
            self._beat.cancel()

    def poke(self) -> None:
        start(beat())

    def nudge(self) -> None:
        tasks.start(beat())
