"""A comprehension's `for` binds its own variable: `[t.cancel() for t in self._handlers]`
cancels the handlers, not the heartbeat the function bound to a local `t` before it: that `t`
is never read, and the heartbeat may be collected while it runs (high). Near miss: the local read in the comprehension's outermost iterable, which is evaluated
where the comprehension stands (`for h in (t, *self._handlers)`): that cancel ends it."""

import asyncio


async def serve() -> None:
    await asyncio.sleep(0)


class Server:
    def __init__(self) -> None:
        self._handlers: list[asyncio.Task[None]] = []

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def run(self) -> None:
        t = asyncio.create_task(self._heartbeat())
        try:
            await serve()
        finally:
            [t.cancel() for t in self._handlers]


class CoveredServer:
    def __init__(self) -> None:
        self._handlers: list[asyncio.Task[None]] = []

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def run(self) -> None:
        t = asyncio.create_task(self._heartbeat())
        try:
            await serve()
        finally:
            [h.cancel() for h in (t, *self._handlers)]

