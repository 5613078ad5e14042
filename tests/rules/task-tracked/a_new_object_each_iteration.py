"""A loop builds a new shard and launches it: `launch` runs once per object, so the attribute
it spawns into is never overwritten."""

import asyncio


class Shard:
    def launch(self) -> None:
        self._task = asyncio.create_task(self._work())

    async def _work(self) -> None:
        await asyncio.sleep(1)

    def close(self) -> None:
        self._task.cancel()


async def launch_all(count: int) -> list[Shard]:
    shards = []
    for _ in range(count):
        shard = Shard()
        shard.launch()
        shards.append(shard)
    return shards
