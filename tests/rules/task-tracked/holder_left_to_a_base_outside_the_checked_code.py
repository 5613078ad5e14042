"""A collection its class never binds (`self._tasks.append(...)`, `self._by_name[name] = ...`
with no `self._tasks = ...` anywhere in the project's classes of its tree) is an attribute of a
base class outside the checked code (`somelib.Daemon`, an installed package): made, and maybe
ended, by that base's methods, which are not read. The row says the holder is left to that
base and claims no leak (low), rather than "only grows". Near misses, graded as before: the
class binds the collection itself (in `__init__`, or in its class body), its only other base
is of the standard library (which binds no such attribute of its subclasses), or a base of the
project binds it and ends nothing (medium)."""

import asyncio
import threading
from typing import Any

from somelib import Daemon, HasLimits, HasPosition  # type: ignore[import-not-found]


async def poll() -> None:
    while True:
        await asyncio.sleep(1)


class Motor(Daemon):  # type: ignore[misc]
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._tasks.append(asyncio.get_running_loop().create_task(poll()))

    def watch(self, name: str) -> None:
        self._by_name[name] = asyncio.create_task(poll())


class Stage(HasLimits, HasPosition, Daemon):  # type: ignore[misc]
    def home(self) -> None:
        self._tasks.append(asyncio.create_task(poll()))


class OwnList(Daemon):  # type: ignore[misc]
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._tasks: list[asyncio.Task[None]] = []
        self._tasks.append(asyncio.create_task(poll()))


class ClassList(Daemon):  # type: ignore[misc]
    _tasks: list[Any] = []

    def start(self) -> None:
        self._tasks.append(asyncio.create_task(poll()))


class Worker(threading.Thread):
    def start_polling(self) -> None:
        self._tasks.append(asyncio.create_task(poll()))  # type: ignore[attr-defined]


class Base:
    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []


class Child(Base, Daemon):  # type: ignore[misc]
    def start(self) -> None:
        self._tasks.append(asyncio.create_task(poll()))
