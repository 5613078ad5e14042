"""A reader keeping what the helpers return and never ending it itself: `spawn_tracked`'s task
is also cancelled by `stop.shutdown()`, which ends every task it keeps (low); nothing but its
done-callback lets go of `spawn`'s, so the reader's attribute decides (medium)."""

import asyncio

from pkg.spawning import spawn, spawn_tracked


class Reader:
    def __init__(self) -> None:
        self._watch: asyncio.Task[None] | None = None
        self._other: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._watch = spawn_tracked(self._read())
        self._other = spawn(self._read())

    async def _read(self) -> None:
        await asyncio.sleep(1)
