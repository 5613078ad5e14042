"""`self._tracker.add(task)`: `Tracker` is a class of this module whose `add` it inherits from
a base of another module (which keeps the task in a pruned set and cancels it on close): a
hand-off to that method, not a collection add. The near miss: `TaskSet` derives from `set`,
whose `add` keeps the task in a collection that nothing prunes."""

import asyncio

from jobs.base import TrackerBase


class Tracker(TrackerBase):
    pass


class TaskSet(set[asyncio.Task[None]]):
    pass


class Worker:
    def __init__(self) -> None:
        self._tracker = Tracker()
        self._all = TaskSet()

    def start(self) -> None:
        self._tracker.add(asyncio.create_task(self.run()))

    def start_untracked(self) -> None:
        self._all.add(asyncio.create_task(self.run()))

    async def run(self) -> None:
        await asyncio.sleep(1)
