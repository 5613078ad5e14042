"""Issue 23, kind 2: a task stored on an object of another module's class, which ends it."""

from __future__ import annotations

import asyncio

from .result import StreamedResult


async def produce(result: StreamedResult) -> None:
    await asyncio.sleep(1)


def run_streamed() -> StreamedResult:
    result = StreamedResult()
    result.run_task = asyncio.create_task(produce(result))
    return result
