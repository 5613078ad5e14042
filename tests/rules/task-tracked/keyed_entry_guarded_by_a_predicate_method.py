"""A keyed entry re-spawned behind a method of its own class that returns one test of the entry
(`if self._update_running(house): raise`, `_update_running` returning whether the entry is
there and not done): the method is read as the test it returns, so a running entry is never
overwritten (yalexs's `_create_update_task`). Near miss:
task-overwritten/keyed_entry_behind_a_predicate_of_something_else.py."""

import asyncio


class Activity:
    def __init__(self, bus) -> None:
        self._update_tasks: dict[str, asyncio.Task[None]] = {}
        bus.on("activity", self.on_activity)

    async def _update(self, house: str) -> None:
        await asyncio.sleep(1)

    def _update_running(self, house: str) -> bool:
        """Whether an update is running for the house."""
        return bool(
            (current := self._update_tasks.get(house))
            and not current.done()
        )

    async def on_activity(self, house: str) -> None:
        if self._update_running(house):
            raise RuntimeError("Update already running")
        self._update_tasks[house] = asyncio.create_task(self._update(house))

    async def stop(self) -> None:
        for task in self._update_tasks.values():
            task.cancel()
        self._update_tasks.clear()
