"""Issue 23, kind 2: a task stored on an object whose class is not known here (`factory()`
returns it); another module ends an attribute of that name, so no claim that nothing ends it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


async def produce() -> None:
    await asyncio.sleep(1)


def stream_of(factory: Callable[[], Any]) -> Any:
    stream = factory()

    def start() -> None:
        if stream.producer is None:
            stream.producer = asyncio.create_task(produce())

    start()
    return stream
