"""`ClientSSM` keeps its timer in `self._timer`, which only its base class in another module
reads: that base's `stop_timer()`, which a `ClientSSM` inherits, cancels it. The near miss:
`Watcher`, no subclass of `SSM`, keeps a task under the same name that nothing ends."""

from __future__ import annotations

import asyncio

from ssm.base import SSM


class ClientSSM(SSM):
    def start_timer(self) -> None:
        self._timer = asyncio.ensure_future(self.expired())

    async def expired(self) -> None:
        await asyncio.sleep(1)


class Watcher:
    def start(self) -> None:
        self._timer = asyncio.ensure_future(self.expired())

    async def expired(self) -> None:
        await asyncio.sleep(1)
