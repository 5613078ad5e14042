"""The near miss: the callers only ask whether a lookup runs, through the getter of another
module; nothing awaits or cancels it (TL201 at the spawn: the lookup runs until it ends by
itself, kept in the entry)."""

from __future__ import annotations

from .entry import Entry
from .getter import inflight
from .start import start_task


def lookup_running(entry: Entry) -> bool:
    return inflight(entry) is not None


def start_lookup(entry: Entry) -> None:
    if inflight(entry) is not None:
        return
    start_task(entry)
