"""The interfaces the coordinators are typed with."""

from plant.interfaces.operations import ClockProtocol, TaskSchedulerProtocol

__all__ = ["ClockProtocol", "TaskSchedulerProtocol"]
