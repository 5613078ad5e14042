import asyncio

from .base import ShardManager


class AutoShardManager(ShardManager):
    """Resumes invalidated shards instead of starting them afresh."""

    def __init__(self, shard_count: int) -> None:
        super().__init__(shard_count)
        self._resumed: dict[int, asyncio.Task] = {}

    def relaunch(self, shard_id: int) -> None:
        """Called by the gateway each time a shard's session is invalidated."""
        self._shards[shard_id].cancel()
        self._resumed[shard_id] = asyncio.create_task(self._run_shard(shard_id, resume=True))

    async def close(self) -> None:
        for task in self._resumed.values():
            task.cancel()
        await super().close()
