"""The asyncio documentation's pattern: a set a done-callback prunes keeps each task until it is
done. The heartbeat, defined in another module, is never done, and nothing cancels it."""

import asyncio

from app import beats
from app.beats import heartbeat

_tasks: set[asyncio.Task[None]] = set()


def start_heartbeat() -> None:
    task = asyncio.create_task(heartbeat())
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def start_beating() -> None:
    task = asyncio.create_task(beats.heartbeat())
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def greet() -> None:
    # the near miss: it finishes by itself, and the set lets go of it then
    task = asyncio.create_task(beats.hello())
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
