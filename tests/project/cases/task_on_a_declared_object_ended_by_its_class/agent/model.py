"""Issue 23, kind 2: the object's class is known from a parameter's annotation, or from the
binding of a closure's variable in the function around the spawn: that class ends the task."""

from __future__ import annotations

import asyncio

from .stream import Stream


async def produce() -> None:
    await asyncio.sleep(1)


def start(stream: Stream | None) -> None:
    if stream is not None:
        stream.producer = asyncio.create_task(produce())


def open_stream() -> Stream:
    stream = Stream()

    def begin() -> None:
        stream.producer = asyncio.create_task(produce())

    begin()
    return stream
