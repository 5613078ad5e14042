"""Races a module's services against a stop signal, ending the losers only after the wait: a
cancel of the waiting function while it waits skips that end (RUBRIC convention 4). The rule
case `task-never-cleaned/race_losers_in_a_local_list` is this program in one module (the
invariance harness splits it too); this one holds the words the join gives."""

import asyncio

from .services import Scheduler, check_once


async def run_daemon(stop: asyncio.Event) -> None:
    scheduler = Scheduler()
    tasks = [
        # runs until stopped, and only the normal way out stops it: medium
        asyncio.create_task(scheduler.run()),
        asyncio.create_task(stop.wait()),
    ]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    scheduler.stop()
    for task in tasks:
        task.cancel()


async def check(stop: asyncio.Event) -> None:
    # the near miss: the check finishes by itself, so a skipped cancel only leaves it late
    tasks = [asyncio.create_task(check_once()), asyncio.create_task(stop.wait())]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in tasks:
        task.cancel()
