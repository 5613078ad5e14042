"""Near miss of task-tracked/keyed_entry_guarded_by_a_predicate_method.py: the predicate method
returns a test of something else (whether updates are paused), which says nothing of the entry:
a running update may be overwritten (TL103)."""

import asyncio


class Activity:
    def __init__(self, bus) -> None:
        self._update_tasks: dict[str, asyncio.Task[None]] = {}
        bus.on("activity", self.on_activity)
        self._paused = False

    async def _update(self, house: str) -> None:
        await asyncio.sleep(1)

    def _updates_paused(self, house: str) -> bool:
        return self._paused

    async def on_activity(self, house: str) -> None:
        if self._updates_paused(house):
            raise RuntimeError("Updates paused")
        self._update_tasks[house] = asyncio.create_task(self._update(house))

    async def stop(self) -> None:
        for task in self._update_tasks.values():
            task.cancel()
        self._update_tasks.clear()
