"""The runner's spawn helper: the task is held only in a WeakSet, which owns nothing, and
returned: each caller owns what it gets (melobot's `create_immunity_task`)."""

import asyncio
from weakref import WeakSet


class Runner:
    def __init__(self) -> None:
        self.tasks: WeakSet[asyncio.Task[None]] = WeakSet()


_RUNNER = Runner()


def spawn(coro):
    task = asyncio.create_task(coro)
    _RUNNER.tasks.add(task)
    return task


class Keeper:
    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()


_KEEPER = Keeper()


def keep(coro):
    # near miss: a strong set of a known object keeps the task (and nothing prunes it)
    task = asyncio.create_task(coro)
    _KEEPER.tasks.add(task)
    return task
