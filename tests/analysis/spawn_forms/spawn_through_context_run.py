"""Spawns called through another call: uvicorn runs create_task in a fresh context, anyio binds
a nursery's start_soon with functools.partial."""

import asyncio
import contextvars
from functools import partial


class Protocol:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.tasks: set[asyncio.Task[None]] = set()

    def on_request(self, app) -> None:
        task = contextvars.Context().run(self.loop.create_task, self.run_asgi(app))
        task.add_done_callback(self.tasks.discard)
        self.tasks.add(task)

    def on_ping(self) -> None:
        contextvars.copy_context().run(asyncio.create_task, self.pong())

    def later(self) -> None:
        # a partial of loop.create_task spawns nothing until it is called
        self.loop.call_soon(partial(self.loop.create_task, self.pong()))

    async def run_asgi(self, app) -> None:
        await asyncio.sleep(0)

    async def pong(self) -> None:
        await asyncio.sleep(0)


class TaskGroup:
    def __init__(self, nursery) -> None:
        self._nursery = nursery

    def start_soon(self, func, context: contextvars.Context) -> None:
        context.run(partial(self._nursery.start_soon, func, name="job"))
