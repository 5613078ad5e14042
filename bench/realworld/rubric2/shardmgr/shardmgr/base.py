import asyncio
import logging

log = logging.getLogger(__name__)


class ShardManager:
    def __init__(self, shard_count: int) -> None:
        self.shard_count = shard_count
        self._shards: dict[int, asyncio.Task] = {}
        self._loop = asyncio.get_event_loop()

    def start(self) -> None:
        for shard_id in range(self.shard_count):
            self.launch(shard_id)

    def launch(self, shard_id: int) -> None:
        self._shards[shard_id] = asyncio.create_task(self._run_shard(shard_id))
        self._loop.create_task(self._announce(shard_id))

    def relaunch(self, shard_id: int) -> None:
        """Called by the gateway when a shard's session is invalidated."""
        self._shards[shard_id].cancel()
        self.launch(shard_id)

    async def _run_shard(self, shard_id: int, resume: bool = False) -> None:
        while True:
            await asyncio.sleep(1)

    async def _announce(self, shard_id: int) -> None:
        log.info("shard %d up", shard_id)

    async def close(self) -> None:
        for task in self._shards.values():
            task.cancel()
        await asyncio.gather(*self._shards.values(), return_exceptions=True)
