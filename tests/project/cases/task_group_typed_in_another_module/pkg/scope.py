"""A scope whose task group is reached through a property annotated `-> TaskGroup`, and the
current scope through a class method annotated `-> "Scope"`: what other modules spawn on it
the group keeps (as in one module)."""

from asyncio import TaskGroup
from typing import Optional


class Scope:
    _current: Optional["Scope"] = None

    def __init__(self) -> None:
        self._task_group: Optional[TaskGroup] = None

    @classmethod
    def current(cls) -> "Scope":
        assert cls._current is not None
        return cls._current

    @property
    def task_group(self) -> TaskGroup:
        assert self._task_group is not None
        return self._task_group
