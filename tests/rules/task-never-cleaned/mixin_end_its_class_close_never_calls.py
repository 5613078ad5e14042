"""A mixin starts a heartbeat loop and ends it in stop_heartbeat(). The class that mixes it in
has a close() of its own that never calls stop_heartbeat() (nor a super().close() that does):
the object's way out skips the end, and the loop runs on (medium). Near miss: a class whose
close() stops the mixin's loop."""

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
