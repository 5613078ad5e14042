"""A base class hands its loops methods of `self` that only its one subclass (another module)
defines: read with that subclass, `call_soon(self.refresh)` calls back a coroutine function
(never awaited, high), tornado's `add_callback(self.serve)` runs one as a task it keeps (low),
and `add_callback(self.serve(conn))` hands it a coroutine object (high). Near misses: a plain
method called back (`report`), and a member nobody defines (`neither`): no row."""

import asyncio
from typing import Any

from tornado.ioloop import IOLoop


class CalledBackBase:
    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.io_loop = IOLoop.current()

    def kick(self) -> None:
        self.loop.call_soon(self.refresh)

    def poke(self) -> None:
        self.loop.call_soon(self.report)

    def start(self) -> None:
        self.io_loop.add_callback(self.serve)

    def by_mistake(self, conn: Any) -> None:
        self.io_loop.add_callback(self.serve(conn))

    def unknown(self) -> None:
        self.io_loop.add_callback(self.neither)
