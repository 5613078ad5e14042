"""A debounced save: each change cancels the pending save before scheduling the next. Each save
ends by itself, and the only one that can still be pending is the last."""

import asyncio


class Settings:
    def __init__(self, store) -> None:
        self._store = store
        self._save_task: asyncio.Task[None] | None = None

    def changed(self) -> None:
        if self._save_task is not None:
            self._save_task.cancel()
        self._save_task = asyncio.create_task(self._save_later())

    async def _save_later(self) -> None:
        await asyncio.sleep(1)
        await self._store.save()
