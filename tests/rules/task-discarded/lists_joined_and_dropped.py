"""The near miss of task-tracked/lists_joined_before_a_wait: the joined list is only counted,
and both lists are dropped when the function returns."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

_LOG = logging.getLogger(__name__)


async def fetch_all(readers: list[Callable[[], Awaitable[None]]],
                    writers: list[Callable[[], Awaitable[None]]]) -> None:
    reading = [asyncio.create_task(read()) for read in readers]
    writing = [asyncio.create_task(write()) for write in writers]
    _LOG.info("started %d tasks", len(reading + writing))
