"""A wait under a timeout, written twice (Python 3.11 has `asyncio.timeout`), and one without."""
import asyncio
import sys
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")

if sys.version_info >= (3, 11):

    async def wait_for(fut: Awaitable[T], timeout: float) -> T:
        async with asyncio.timeout(timeout):
            return await fut

else:

    async def wait_for(fut: Awaitable[T], timeout: float) -> T:
        return await asyncio.wait_for(fut, timeout)


async def wait_all(fut: Awaitable[T]) -> T:
    return await fut
