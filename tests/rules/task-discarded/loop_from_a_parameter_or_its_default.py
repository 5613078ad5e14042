"""The loop is an untyped parameter or, when none is given, the loop a factory makes
(`loop or IOLoop.current()`, `loop if loop is not None else get_running_loop()`): the value is a
loop either way, so a callback handed to it and a task it makes are spawns. The near misses: a
default that makes a plain object says nothing of what the parameter is, and a `create_task`
method of that object is no spawn."""

import asyncio

from tornado import gen
from tornado.ioloop import IOLoop


class Pool:
    def create_task(self, coro: object) -> None:
        pass


class Sender:
    def __init__(self, loop=None, pool=None) -> None:  # type: ignore[no-untyped-def]
        self.loop = loop or IOLoop.current()
        self.pool = pool or Pool()

    def start(self) -> None:
        self.loop.add_callback(self._background_send)

    def submit(self) -> None:
        self.pool.create_task(self._flush())  # a Pool's method: no spawn

    @gen.coroutine
    def _background_send(self):  # type: ignore[no-untyped-def]
        while True:
            yield gen.sleep(1)

    async def _flush(self) -> None:
        await asyncio.sleep(0)


class Client:
    def __init__(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.connect(loop)

    def connect(self, loop: asyncio.AbstractEventLoop | None) -> None:
        local_loop = loop if loop is not None else asyncio.get_running_loop()
        local_loop.call_soon(self._hello)

    async def _hello(self) -> None:
        await asyncio.sleep(0)
