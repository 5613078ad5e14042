"""A method that returns its task, called on an object a module global holds (`cmdmgr =
CommandManager()`): a statement dropping what it returns drops the task, as it does when a
local or an attribute holds the same object. Near misses: the global rebound to something else
somewhere (no one class: nothing is claimed), a global of a class whose method of that name
keeps its task, a parameter of the same name (another object, not followed), and a call whose
result is kept."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class CommandManager:
    def spawn_command(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.create_task(coro)


class Keeper:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn_command(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


cmdmgr = CommandManager()
keeper = Keeper()
either = CommandManager()


def configure(plain: bool) -> None:
    global either
    if plain:
        either = object()  # type: ignore[assignment]


async def command(line: str) -> None:
    await asyncio.sleep(0)


async def on_key(line: str) -> None:
    cmdmgr.spawn_command(command(line))  # the command's task is dropped


async def on_enter(line: str) -> None:
    keeper.spawn_command(command(line))  # kept and ended by the keeper


async def on_other(line: str) -> None:
    either.spawn_command(command(line))  # `either` may hold anything: not followed


async def on_param(cmdmgr: Any, line: str) -> None:
    cmdmgr.spawn_command(command(line))  # the parameter, not the global: not followed


async def on_wait(line: str) -> None:
    task = cmdmgr.spawn_command(command(line))
    await task
