"""The running lookup of an entry, or None once it is done (a done task is let go)."""

from __future__ import annotations

import asyncio

from .entry import Entry


def inflight(entry: Entry) -> asyncio.Task[None] | None:
    task = entry.inflight
    if task is not None and task.done():
        entry.inflight = None
        return None
    return task
