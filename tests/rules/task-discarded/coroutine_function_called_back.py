"""An IRC client's SASL exchange arms a timer to abort when the server never answers, but
`abort` is a coroutine function: the timer only makes a coroutine that nothing awaits, so the
abort never runs, whether the method is handed bare, through `partial`, through a local, or
already called (a coroutine object, which the timer cannot even call). The same goes for a
coroutine function given to `add_done_callback`. Near misses: a plain method called back, a
task made in the callback and kept, and a coroutine function of another object (not followed:
no claim)."""

import asyncio
from functools import partial
from typing import Any


class Sasl:
    def __init__(self, loop: asyncio.AbstractEventLoop, transport: Any) -> None:
        self.loop = loop
        self.transport = transport
        self.timer: asyncio.TimerHandle | None = None
        self.pending: set[asyncio.Task[None]] = set()

    async def abort(self, timeout: bool = False) -> None:
        await self.transport.send(b"AUTHENTICATE *")

    def log_timeout(self) -> None:
        print("sasl timed out")

    def start(self) -> None:
        self.timer = self.loop.call_later(30, self.abort)

    def restart(self) -> None:
        abort_later = partial(self.abort, timeout=True)
        self.timer = self.loop.call_later(30, abort_later)

    def on_partial_reply(self) -> None:
        self.timer = self.loop.call_later(30, self.abort(timeout=True))

    def watch(self, task: asyncio.Task[None]) -> None:
        task.add_done_callback(self.on_done)

    async def on_done(self, task: asyncio.Task[None]) -> None:
        await self.abort()

    def start_quietly(self) -> None:
        self.timer = self.loop.call_later(30, self.log_timeout)

    def start_kept(self) -> None:
        self.timer = self.loop.call_later(30, self.abort_kept)

    def abort_kept(self) -> None:
        task = self.loop.create_task(self.abort(timeout=True))
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    def start_elsewhere(self) -> None:
        self.timer = self.loop.call_later(30, self.transport.close)
