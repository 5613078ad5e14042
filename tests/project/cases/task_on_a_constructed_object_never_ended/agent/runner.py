"""Near miss: the object's class never ends the task stored on it."""

from __future__ import annotations

import asyncio

from .result import StreamedResult


async def produce(result: StreamedResult) -> None:
    await asyncio.sleep(1)


def run_streamed() -> StreamedResult:
    result = StreamedResult()
    result.run_task = asyncio.create_task(produce(result))
    return result
