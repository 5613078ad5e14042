"""Calls that look like a module's spawn helper and are not judged as one: a coroutine
function's call (its task comes when it is awaited), a subclass's override that spawns nothing,
and a helper that returns a list of tasks (its callers' rows are the project join's)."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


class Server:
    def __init__(self) -> None:
        self.handlers: dict[str, Callable[..., Coroutine[Any, Any, None]]] = {}
        self.pending: set[asyncio.Task[None]] = set()

    async def trigger(self, event: str, run_async: bool = False) -> asyncio.Task[None] | None:
        handler = self.handlers[event]
        if run_async:
            task = asyncio.create_task(handler())
            self.pending.add(task)
            task.add_done_callback(self.pending.discard)
            return task
        await handler()
        return None

    async def disconnect(self) -> None:
        await self.trigger("disconnect")

    def start(self, target: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None]:
        return asyncio.create_task(target())


class QuietServer(Server):
    def start(self, target: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None]:
        raise RuntimeError("no background tasks here")

    def on_connect(self) -> None:
        self.start(self._greet)

    async def _greet(self) -> None:
        await asyncio.sleep(0)


def fan_out(coros: list[Coroutine[Any, Any, None]]) -> list[asyncio.Task[None]]:
    return [asyncio.create_task(c) for c in coros]


async def main(coros: list[Coroutine[Any, Any, None]]) -> None:
    tasks = fan_out(coros)
    await asyncio.gather(*tasks)
