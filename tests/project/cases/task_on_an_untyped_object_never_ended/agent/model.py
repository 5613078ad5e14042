"""Near miss: the untyped object's attribute is never ended by any module."""

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
