"""A base poller's `restart()` stops the running loop before it starts the next one: the class
runs it while the loop is live. `MetricsPoller` replaces `restart()` and calls `start()` with no
stop, so each restart stores a new loop over the running one. `ShardedPubSub` does the same to
a method that stores itself (`on_reconnect()`, whose base cancels the listener first).
The near misses keep the end: `DiskPoller.restart()` calls `super().restart()`,
`TopicPubSub.on_reconnect()` cancels the listener itself."""

import asyncio


class Poller:
    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def restart(self, interval: float) -> None:
        self.stop()
        self._interval = interval
        self.start()

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval)


class MetricsPoller(Poller):
    def restart(self, interval: float) -> None:
        self._interval = interval
        self.start()


class DiskPoller(Poller):
    def restart(self, interval: float) -> None:
        super().restart(interval)


class PubSub:
    def __init__(self, messages: asyncio.Queue[str]) -> None:
        self.messages = messages
        self._listener: asyncio.Task[None] | None = None

    def on_reconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
        self._listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        while True:
            await self.messages.get()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()


class ShardedPubSub(PubSub):
    def on_reconnect(self) -> None:
        self._listener = asyncio.create_task(self._listen_shards())

    async def _listen_shards(self) -> None:
        while True:
            await self.messages.get()


class TopicPubSub(PubSub):
    def on_reconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
        self._listener = asyncio.create_task(self._listen_topics())

    async def _listen_topics(self) -> None:
        while True:
            await self.messages.get()
