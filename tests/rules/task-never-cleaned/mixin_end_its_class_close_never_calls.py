"""A mixin starts a heartbeat loop and ends it in stop_heartbeat(). The class that mixes it in
has a close() of its own that never calls stop_heartbeat() (nor a super().close() that does):
the object's way out skips the end, and the loop runs on (medium). Near misses: a class whose
close() stops the mixin's loop, and one whose only close-like method is a context manager's
`__aexit__` (a reusable object runs it at the end of each `async with`, not of its life: no
claim)."""

import asyncio


class HeartbeatMixin:
    _hb_task: "asyncio.Task[None] | None" = None

    def start_heartbeat(self) -> None:
        if self._hb_task is None:
            self._hb_task = asyncio.create_task(self._hb_loop())

    async def _hb_loop(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def stop_heartbeat(self) -> None:
        if self._hb_task is not None:
            self._hb_task.cancel()
            self._hb_task = None


class PingMixin:
    _ping_task: "asyncio.Task[None] | None" = None

    def start_pinging(self) -> None:
        if self._ping_task is None:
            self._ping_task = asyncio.create_task(self._ping_loop())

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def stop_pinging(self) -> None:
        if self._ping_task is not None:
            self._ping_task.cancel()
            self._ping_task = None


class RefreshMixin:
    _refresh_task: "asyncio.Task[None] | None" = None

    def start_refreshing(self) -> None:
        if self._refresh_task is None:
            self._refresh_task = asyncio.create_task(self._refresh_loop())

    async def _refresh_loop(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def stop_refreshing(self) -> None:
        if self._refresh_task is not None:
            self._refresh_task.cancel()
            self._refresh_task = None


class Agent(HeartbeatMixin):
    def __init__(self) -> None:
        self.inbox: asyncio.Queue[str] = asyncio.Queue()

    async def start(self) -> None:
        self.start_heartbeat()

    async def close(self) -> None:
        # the object's way out: the heartbeat is never stopped
        while not self.inbox.empty():
            self.inbox.get_nowait()


class Peer(PingMixin):
    async def start(self) -> None:
        self.start_pinging()

    async def close(self) -> None:
        await self.stop_pinging()


class Lease(RefreshMixin):
    def __init__(self) -> None:
        self.held = False

    async def __aenter__(self) -> "Lease":
        self.start_refreshing()
        self.held = True
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.held = False
