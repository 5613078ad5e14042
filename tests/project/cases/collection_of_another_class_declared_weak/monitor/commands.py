"""Console commands run on the monitor's loop. The cancel command's task is put only in the
monitor's `WeakSet`, which owns nothing: the task can be collected mid-run (high). A job put in
the plain set, pruned by a done-callback and cancelled on close, is tracked."""

from __future__ import annotations

import asyncio

from .monitor import Monitor


async def cancel_task(name: str) -> None:
    await asyncio.sleep(0)


def do_cancel(monitor: Monitor, name: str) -> None:
    task = monitor.loop.create_task(cancel_task(name))
    monitor._command_tasks.add(task)


def do_job(monitor: Monitor, name: str) -> None:
    task = monitor.loop.create_task(cancel_task(name))
    monitor._jobs.add(task)
    task.add_done_callback(monitor._jobs.discard)
