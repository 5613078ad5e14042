"""A device server's `spawn_shutdown()` starts its shutdown and returns the task; the shutdown
coroutine first stores its own task (`asyncio.current_task()`) in `self._stop_task`, which
`join()` awaits: callers that drop what it returns lose nothing, as the task keeps itself where
it is ended. Near miss: a coroutine that stores itself in an attribute nothing ends; its
callers' dropped tasks are lost."""

import asyncio


class Server:
    def __init__(self) -> None:
        self._stop_task: asyncio.Task[None] | None = None
        self._flush_task: asyncio.Task[None] | None = None

    async def _stop_impl(self) -> None:
        self._stop_task = asyncio.current_task()
        await asyncio.sleep(0)

    def spawn_shutdown(self) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self._stop_impl())

    async def join(self) -> None:
        if self._stop_task is not None:
            await self._stop_task

    async def stop(self) -> None:
        self.spawn_shutdown()
        await self.join()

    async def _flush_impl(self) -> None:
        self._flush_task = asyncio.current_task()
        await asyncio.sleep(0)

    def spawn_flush(self) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self._flush_impl())

    def on_request(self) -> None:
        self.spawn_flush()
