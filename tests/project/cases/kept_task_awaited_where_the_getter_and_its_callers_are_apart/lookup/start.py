"""Start the lookup and keep its task in the entry."""

from __future__ import annotations

import asyncio

from .entry import Entry


async def _run(entry: Entry) -> None:
    await asyncio.sleep(1)


def start_task(entry: Entry) -> asyncio.Task[None]:
    task = asyncio.create_task(_run(entry))
    entry.inflight = task
    return task
