"""A plugin hands its start hook to the host's registration call; the host calls it with a set
of its own, into which the hook puts its poller's task. Nothing here calls the hook, so whose
set it is, and what ends it, is the host's, which is not followed: kept, not followed (TL001).
The near miss (the same hook that nobody calls or registers) is collection-never-pruned's
received_collection_owner_unknown."""

import asyncio
from typing import Any


async def poll() -> None:
    while True:
        await asyncio.sleep(5)


def start_hook(background: set["asyncio.Task[None]"]) -> None:
    background.add(asyncio.create_task(poll()))


def setup(host: Any) -> None:
    host.register_start(start_hook)
