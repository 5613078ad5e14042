"""Weak collections another module makes: a task kept as a `WeakKeyDictionary`'s key, or in a
`WeakSet`, is held by nothing (TL101), as when the collection is made beside it. The near
miss: a task kept as a `WeakKeyDictionary`'s value is held strongly (by the entry of its live
key), and nothing ends it."""

import asyncio

from app.state import _by_owner, _live, _states


async def job(name: str) -> None:
    await asyncio.sleep(1)


def start(name: str) -> None:
    task = asyncio.create_task(job(name))
    _states[task] = name


def watch(name: str) -> None:
    _live.add(asyncio.create_task(job(name)))


def own(owner: object, name: str) -> None:
    _by_owner[owner] = asyncio.create_task(job(name))
