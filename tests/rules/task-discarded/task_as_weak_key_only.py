"""A task kept only as the key of a WeakKeyDictionary (per-task state): weak keys own nothing,
so the task can be garbage-collected while it runs."""

import asyncio
import weakref

_states: weakref.WeakKeyDictionary[asyncio.Task[None], str] = weakref.WeakKeyDictionary()


async def _job(name: str) -> None:
    await asyncio.sleep(1)


def start(name: str) -> None:
    task = asyncio.create_task(_job(name))
    _states[task] = name
