"""`ClientSSM` stores its timer task in `self._timer`; the `stop_timer()` it inherits from
`SSM` cancels `self._timer`: the same attribute of the same object, ended there. The near miss:
`Sibling` cancels a `self._timer` of its own, which ends nothing of `Orphan`'s, a class that
inherits nothing that reads it."""

import asyncio


class SSM:
    def __init__(self) -> None:
        self._timer: asyncio.Future[None] | None = None

    def stop_timer(self) -> None:
        if self._timer:
            self._timer.cancel()
            self._timer = None


class ClientSSM(SSM):
    def start_timer(self) -> None:
        self._timer = asyncio.ensure_future(self.expired())

    async def expired(self) -> None:
        await asyncio.sleep(1)


class Sibling:
    def __init__(self) -> None:
        self._timer: asyncio.Future[None] | None = None

    def stop(self) -> None:
        if self._timer:
            self._timer.cancel()


class Orphan:
    def start_timer(self) -> None:
        self._timer = asyncio.ensure_future(self.expired())

    async def expired(self) -> None:
        await asyncio.sleep(1)
