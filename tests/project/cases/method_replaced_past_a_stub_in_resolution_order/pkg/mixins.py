import asyncio

from .bases import CountingBase, ListenerBase


class ShardMixin(ListenerBase):
    _listener: "asyncio.Task[None] | None"

    def on_reconnect(self) -> None:
        self._listener = asyncio.create_task(self._listen_shards())

    async def _listen_shards(self) -> None:
        while True:
            await asyncio.sleep(1)


class TopicMixin(CountingBase):
    _listener: "asyncio.Task[None] | None"

    def on_reconnect(self) -> None:
        self._listener = asyncio.create_task(self._listen_topics())

    async def _listen_topics(self) -> None:
        while True:
            await asyncio.sleep(1)
