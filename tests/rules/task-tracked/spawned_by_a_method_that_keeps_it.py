"""A player whose `_start_idle_timer()` spawns a timer of its own, keeps it and cancels it on
`close()`: each call of it spawns a task, so each call is a row of the table, kept and ended
where the method keeps and ends it (a helper the call hands no work to). The near misses: a
method whose task nothing ends is no helper (the finding is at its spawn, once, not at every
call); one whose spawn is thread-safe (a concurrent Future) gives its callers no task."""

import asyncio


class Player:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._idle: asyncio.Task[None] | None = None
        self._poller: asyncio.Task[None] | None = None

    async def play(self) -> None:
        self._start_idle_timer()

    async def pause(self) -> None:
        self._start_idle_timer()
        self._start_poller()
        self._from_a_thread()

    def _start_idle_timer(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
        self._idle = asyncio.create_task(self._idle_out())

    def _start_poller(self) -> None:
        self._poller = asyncio.create_task(self._poll())

    def _from_a_thread(self) -> None:
        asyncio.run_coroutine_threadsafe(self._idle_out(), self._loop).result()

    async def _idle_out(self) -> None:
        await asyncio.sleep(300)

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
