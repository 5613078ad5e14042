"""pulumi's shape (dev10, `pulumi/output.py`): a class method keeps the task it makes in the
object it builds, and returns that object, not the task. The object awaits its task."""

import asyncio
from typing import Any, Awaitable


class Output:
    _data: "asyncio.Future[Any]"

    @classmethod
    def from_data(cls, data: Awaitable[Any]) -> "Output":
        out: Output = object.__new__(cls)
        out._data = asyncio.ensure_future(data)
        return out

    async def future(self) -> Any:
        return await self._data


def spawn(coro: Awaitable[Any]) -> "asyncio.Future[Any]":
    """The near miss: this one returns the task itself and keeps nothing."""
    return asyncio.ensure_future(coro)
