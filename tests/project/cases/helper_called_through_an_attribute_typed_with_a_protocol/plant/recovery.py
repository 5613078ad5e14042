"""A coordinator typed with the protocols only: the scheduler it is given is a Looper, the one
class implementing that protocol; its clock may be either clock."""

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from plant.interfaces import ClockProtocol, TaskSchedulerProtocol


class RecoveryCoordinator:
    def __init__(self, task_scheduler: "TaskSchedulerProtocol", clock: "ClockProtocol") -> None:
        self._task_scheduler: Final = task_scheduler
        self._clock: Final = clock

    def on_connection_lost(self) -> None:
        self._task_scheduler.create_task(target=self._recover(), name="recover")

    def on_tick(self) -> None:
        self._clock.schedule(self._recover())

    async def _recover(self) -> None:
        pass
