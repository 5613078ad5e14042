"""A scheduler's loop (flowrra, dev48; aethernet-core's stream loop, dev52): each turn races a
sleep against a waiter on the scheduler's wake event and cancels the loser after the wait,
on the normal way out only. `stop()` cancels the task running the loop while it waits there,
which skips that cancel, and sets no event: the waiter waits for a wake nothing on the owner's
way out gives (RUBRIC conventions 4 and 7: medium). The sleep beside it ends by itself (low).

The near misses, each low: a close that sets the event as it cancels the loop (the waiter
finishes then), also when another close-like method cancels it without setting it (`stop()`,
which `close()` calls after its set: a way out gives the event, and no claim is made); a loop
whose own `finally` sets it; a loop that is no task the close cancels (a
caller's cancel of `drain()` leaves the object, and what sets the event, alive); an event handed
to another object (`Notifier(self._wake)`), whose sets are not followed; and, in a stream loop
whose on-request branch is the shape again (medium), the waiter its other branch binds to the
same local (`mode_wait`), which that branch's `finally` ends: the race before it reads the
other branch's task, not this one.
"""

import asyncio


class Scheduler:
    def __init__(self) -> None:
        self._wake: asyncio.Event | None = None
        self._running = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._wake = asyncio.Event()
        self._running = True
        self._task = asyncio.create_task(self._loop())

    def schedule(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _loop(self) -> None:
        while self._running:
            assert self._wake is not None
            sleep = asyncio.create_task(asyncio.sleep(5))
            wake = asyncio.create_task(self._wake.wait())
            _, pending = await asyncio.wait({sleep, wake}, return_when=asyncio.FIRST_COMPLETED)
            for t in pending:
                t.cancel()
            self._wake.clear()

    async def stop(self) -> None:
        self._running = False
        if self._task is not None:
            self._task.cancel()


class WakesOnClose:
    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            wake = asyncio.create_task(self._wake.wait())
            done, pending = await asyncio.wait({wake}, timeout=5,
                                               return_when=asyncio.FIRST_COMPLETED)
            for t in pending:
                t.cancel()

    async def close(self) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        self._wake.set()
        if self._task is not None:
            self._task.cancel()


class WakesInItsFinally:
    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        try:
            while True:
                wake = asyncio.create_task(self._wake.wait())
                done, pending = await asyncio.wait({wake}, timeout=5,
                                                   return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
        finally:
            self._wake.set()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Drainer:
    def __init__(self) -> None:
        self._idle = asyncio.Event()

    def mark_idle(self) -> None:
        self._idle.set()

    async def drain(self) -> None:
        waiter = asyncio.create_task(self._idle.wait())
        done, pending = await asyncio.wait({waiter}, timeout=5,
                                           return_when=asyncio.FIRST_COMPLETED)
        for t in pending:
            t.cancel()

    async def close(self) -> None:
        self._idle.clear()


class Notifier:
    def __init__(self, event: asyncio.Event) -> None:
        self.event = event


class HandsItsEventOn:
    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self.notifier = Notifier(self._wake)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            wake = asyncio.create_task(self._wake.wait())
            done, pending = await asyncio.wait({wake}, timeout=5,
                                               return_when=asyncio.FIRST_COMPLETED)
            for t in pending:
                t.cancel()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Streamer:
    def __init__(self) -> None:
        self._changed = asyncio.Event()
        self.on_request = True
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    def change(self) -> None:
        self._changed.set()

    async def _loop(self) -> None:
        while True:
            if self.on_request:
                mode_wait = asyncio.create_task(self._changed.wait())
                done, pending = await asyncio.wait({mode_wait}, timeout=5,
                                                   return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
            else:
                mode_wait = asyncio.create_task(self._changed.wait())
                try:
                    await asyncio.wait_for(asyncio.shield(mode_wait), timeout=5)
                except TimeoutError:
                    pass
                finally:
                    mode_wait.cancel()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


class SetsInOneOfItsCloses:
    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            wake = asyncio.create_task(self._wake.wait())
            done, pending = await asyncio.wait({wake}, timeout=5,
                                               return_when=asyncio.FIRST_COMPLETED)
            for t in pending:
                t.cancel()

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def close(self) -> None:
        self._wake.set()
        self.stop()
