"""Key bindings: each drops the task the shared manager returns, through the module or the
name imported from it. Near misses: a global rebound to another kind of object somewhere (not
followed: no row), and the task awaited (a low row of its own)."""

import asyncio

from pkg import objects
from pkg.objects import cmdmgr


async def command(line: str) -> None:
    await asyncio.sleep(0)


async def on_key(line: str) -> None:
    objects.cmdmgr.run_task(command(line))  # dropped: high


async def on_enter(line: str) -> None:
    cmdmgr.run_task(command(line))  # dropped: high


async def on_wait(line: str) -> None:
    await cmdmgr.run_task(command(line))  # awaited: low


async def on_other(line: str) -> None:
    objects.other.run_task(command(line))  # `other` may hold anything: no row
