"""traitlets declares what an attribute holds: `loop = Instance(IOLoop)` (or the class's import
path as a string) is an IOLoop however it is set, so an `async def` it calls back runs as a task
tornado keeps until it is done. The near miss: an attribute declared to hold another class's
instance has no `add_callback` that runs anything: no spawn."""

import asyncio

from tornado.ioloop import IOLoop
from traitlets import HasTraits, Instance


class Hooks:
    def add_callback(self, fn: object) -> None:
        pass


class Controller(HasTraits):
    loop = Instance(IOLoop)
    io_loop = Instance("tornado.ioloop.IOLoop", allow_none=True)
    hooks = Instance(Hooks)

    def configure(self, loop) -> None:  # type: ignore[no-untyped-def]
        self.loop = loop  # still an IOLoop: the trait says so

    def start(self) -> None:
        self.loop.add_callback(self.stop_engines)
        self.io_loop.add_callback(self.stop_engines)
        self.hooks.add_callback(self.stop_engines)  # a Hooks: no spawn

    async def stop_engines(self) -> None:
        await asyncio.sleep(0)
