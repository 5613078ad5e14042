"""Lookups kept in an entry's attribute: the one `entries.wait_for` awaits, through a getter of
its module, is ended (TL001); the near miss is only looked at, and nothing ends it (TL201), as
when the getters are defined here."""

import asyncio

from .entries import Entry


async def run(entry: Entry) -> None:
    await asyncio.sleep(1)


def start(entry: Entry) -> None:
    entry.inflight = asyncio.create_task(run(entry))


def prefetch(entry: Entry) -> None:
    entry.pending = asyncio.create_task(run(entry))
