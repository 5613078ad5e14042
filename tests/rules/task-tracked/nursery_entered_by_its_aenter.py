"""A task group entered by hand: `self._group = await self._manager.__aenter__()`, with
`self._manager = trio.open_nursery()` (anyio's trio backend does this), is what `async with
trio.open_nursery() as group` binds, so `self._group.start_soon(...)` spawns into the nursery,
which waits for it on exit: tracked, whatever the attribute is called. The same with asyncio's
`TaskGroup` entered by `__aenter__`, and with a task group entered on an exit stack
(`await stack.enter_async_context(anyio.create_task_group())`, httpx-ws does this). Near
misses: a context manager of no known kind entered by hand (`self._conn = await
self._pool.__aenter__()`) or on a stack: `start(...)` on either is no spawn."""

import asyncio
import contextlib
from typing import Any

import anyio
import trio


class Backend:
    def __init__(self, pool: Any) -> None:
        self._manager = trio.open_nursery()
        self._asyncio_manager = asyncio.TaskGroup()
        self._pool = pool

    async def __aenter__(self) -> "Backend":
        self._x7 = await self._manager.__aenter__()
        self._y7 = await self._asyncio_manager.__aenter__()
        self._conn = await self._pool.__aenter__()
        async with contextlib.AsyncExitStack() as stack:
            self._z7 = await stack.enter_async_context(anyio.create_task_group())
            self._w7 = await stack.enter_async_context(self._pool)
            self._stack = stack.pop_all()
        return self

    async def job(self) -> None:
        await trio.sleep(1)

    async def asyncio_job(self) -> None:
        await asyncio.sleep(1)

    def start_job(self) -> None:
        self._x7.start_soon(self.job)

    def start_asyncio_job(self) -> None:
        self._y7.create_task(self.asyncio_job())

    async def start_conn(self) -> None:
        await self._conn.start(self.job)

    async def start_on_the_stack(self) -> None:
        await self._z7.start(self.job)

    async def start_on_the_pool(self) -> None:
        await self._w7.start(self.job)
