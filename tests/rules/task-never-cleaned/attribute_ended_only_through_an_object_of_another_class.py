"""A task kept in an attribute, ended only through objects typed with another class: `ctrl =
_Inflight()`, then `ctrl.task.cancel()`, ends `_Inflight`'s `task`, not `Installer`'s, whatever
the attribute's name (the object typed as a call on the local is, `attribute_types.local_type`;
the same in another module, `Effect.owner`; a conditional value's `None` aside). So nothing
ends the installer's task. Near misses: the same end through an object of the holder's own
class, or of a subclass, ends it; through an object a function makes (no class known), it may:
no claim."""

import asyncio


class Installer:
    def __init__(self) -> None:
        self.task: asyncio.Task[None] | None = None

    def install(self, delay: float) -> None:
        if self.task and not self.task.done():
            return
        self.task = asyncio.ensure_future(self._install(delay))  # medium: nothing ends it

    async def _install(self, delay: float) -> None:
        while True:
            await asyncio.sleep(delay)


class _Inflight:
    def __init__(self) -> None:
        self.task: asyncio.Task[float] | None = None


async def forward(delay: float, timed: bool) -> float:
    ctrl = _Inflight() if timed else None
    if ctrl is None:
        return delay
    ctrl.task = asyncio.ensure_future(asyncio.sleep(delay, delay))  # low: awaited here
    try:
        return await asyncio.shield(ctrl.task)
    except asyncio.CancelledError:
        ctrl.task.cancel()
        raise


class Poller:
    def __init__(self) -> None:
        self.job: asyncio.Task[None] | None = None

    def begin(self) -> None:
        self.job = asyncio.ensure_future(self._poll())  # low: ended through a Poller

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(1)


def stop_poller() -> None:
    other = Poller()
    if other.job is not None:
        other.job.cancel()


class Base:
    def __init__(self) -> None:
        self.worker: asyncio.Task[None] | None = None

    def begin(self) -> None:
        self.worker = asyncio.ensure_future(self._work())  # low: ended through a subclass's

    async def _work(self) -> None:
        while True:
            await asyncio.sleep(1)


class Sub(Base):
    pass


def stop_sub() -> None:
    sub = Sub()
    if sub.worker is not None:
        sub.worker.cancel()


class Feed:
    def __init__(self) -> None:
        self.stream: asyncio.Task[None] | None = None

    def begin(self) -> None:
        self.stream = asyncio.ensure_future(self._read())  # low: a made object may be a Feed

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)


def make_feed() -> Feed:
    return Feed()


def stop_feed() -> None:
    feed = make_feed()
    if feed.stream is not None:
        feed.stream.cancel()

