"""Subclasses that name their bases through `relay/names.py` (`from .names import Link`),
which only re-exports them: `Device`'s sync task is ended by what it inherits (TL001); `Lamp`'s
is ended by nothing, there or here (TL201)."""

import asyncio

from .names import Link, Quiet


class Device(Link):
    def start(self) -> None:
        if self._sync_task is None:
            self._sync_task = asyncio.get_running_loop().create_task(self._sync())

    async def _sync(self) -> None:
        await asyncio.sleep(1)


class Lamp(Quiet):
    def start(self) -> None:
        if self._sync_task is None:
            self._sync_task = asyncio.get_running_loop().create_task(self._sync())

    async def _sync(self) -> None:
        await asyncio.sleep(1)
