"""The callers: each waits for the running lookup, which the getter of another module gives,
starting one when none runs (TL001 at the spawn: gathered here)."""

from __future__ import annotations

import asyncio

from .entry import Entry
from .getter import inflight
from .start import start_task


async def await_lookup(entry: Entry) -> None:
    task = inflight(entry)
    if task is None:
        task = start_task(entry)
    await asyncio.shield(task)


def start_lookup(entry: Entry) -> None:
    if inflight(entry) is not None:
        return
    start_task(entry)
