"""Protocols: what a coordinator may ask of the central unit's helpers."""

from collections.abc import Coroutine
from typing import Any, Protocol


class TaskSchedulerProtocol(Protocol):
    def create_task(self, *, target: Coroutine[Any, Any, None], name: str) -> None:
        """Run `target` as a task the scheduler keeps until it is done."""


class ClockProtocol(Protocol):
    def schedule(self, coro: Coroutine[Any, Any, None]) -> None: ...
