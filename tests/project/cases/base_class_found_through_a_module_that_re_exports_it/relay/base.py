"""The bases, defined here and re-exported by `relay/names.py`: `Link` awaits its sync task
in `close()`; `Quiet` has no end for it at all."""

import asyncio


class Link:
    def __init__(self) -> None:
        self._sync_task: asyncio.Task[None] | None = None

    async def close(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            await self._sync_task


class Quiet:
    def __init__(self) -> None:
        self._sync_task: asyncio.Task[None] | None = None

    async def close(self) -> None:
        print("closed")
