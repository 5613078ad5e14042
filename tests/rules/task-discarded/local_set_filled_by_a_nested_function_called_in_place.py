"""Near miss of collection-never-pruned/local_set_kept_by_a_returned_closure: the nested
function that fills the local set is only called where it is defined, while the frame lives, so
the set goes with the frame when `refresh_all()` returns and its tasks are dropped."""

import asyncio
from typing import Any


async def refresh(name: str) -> None:
    await asyncio.sleep(0)


def refresh_all(names: list[str]) -> None:
    tasks: set[asyncio.Task[Any]] = set()

    def add(name: str) -> None:
        tasks.add(asyncio.create_task(refresh(name)))

    for name in names:
        add(name)
