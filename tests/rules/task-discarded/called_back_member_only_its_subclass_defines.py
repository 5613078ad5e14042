"""A base class hands its loop a method of `self` that only its one subclass defines: read with
that subclass, `call_soon(self.refresh)` calls back a coroutine function (never awaited, high)
and tornado's `add_callback(self.serve(conn))` is handed a coroutine object (high), while
`add_callback(self.serve)` runs it as a task the IOLoop keeps (low). Near misses: a plain
method called back (`report`); a member two subclasses define (`flush`: which one runs is not
known, no row); a member nobody defines (`neither`)."""

import asyncio
from typing import Any

from tornado.ioloop import IOLoop


class Service:
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


class Impl(Service):
    async def refresh(self) -> None:
        print("refreshed")

    def report(self) -> None:
        print("report")

    async def serve(self, conn: Any = None) -> None:
        print("served", conn)


class Flusher:
    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()

    def later(self) -> None:
        self.loop.call_soon(self.flush)


class AsyncFlusher(Flusher):
    async def flush(self) -> None:
        print("flushed")


class PlainFlusher(Flusher):
    def flush(self) -> None:
        print("flushed")
