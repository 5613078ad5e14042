"""The entries and their readers: `wait_for` awaits what `inflight_of` returns, the entry's
lookup task; `peek` only looks at what `pending_of` returns."""

import asyncio


class Entry:
    def __init__(self) -> None:
        self.inflight: asyncio.Task[None] | None = None
        self.pending: asyncio.Task[None] | None = None


def _inflight_of(entry: Entry) -> "asyncio.Task[None] | None":
    return entry.inflight


def _pending_of(entry: Entry) -> "asyncio.Task[None] | None":
    return entry.pending


async def wait_for(entry: Entry) -> None:
    task = _inflight_of(entry)
    if task is not None:
        await task


def peek(entry: Entry) -> bool:
    return _pending_of(entry) is not None
