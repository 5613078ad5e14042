"""tornado (6.4, `library_facts.py`) keeps what its IOLoop makes of what a callback returns until
it is done and logs its error: a `@gen.coroutine` handed to `spawn_callback`, `add_callback` or
`add_future` starts when called back and gives a Future that runs until done (tornado's
documented fire-and-forget path): tracked, low, like an `async def`. The near misses: a
`@gen.coroutine` and an `async def` that run until cancelled (`while True`), which nothing can
cancel once the IOLoop keeps them (medium), and a plain function called back (no row)."""

from typing import Any

from tornado import gen
from tornado.ioloop import IOLoop


class Poller:
    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.io_loop = IOLoop.current()

    @gen.coroutine
    def flush(self) -> Any:
        yield self.conn.write(b"batch")

    @gen.coroutine
    def on_done(self, future: Any) -> Any:
        yield self.conn.write(future.result())

    @gen.coroutine
    def poll_forever(self) -> Any:
        while True:
            yield self.conn.read()

    async def listen_forever(self) -> None:
        while True:
            await self.conn.read()

    def log(self) -> None:
        print("state")

    def start(self, fut: Any) -> None:
        self.io_loop.spawn_callback(self.flush)
        self.io_loop.add_callback(self.flush)
        self.io_loop.add_future(fut, self.on_done)
        self.io_loop.spawn_callback(self.poll_forever)
        self.io_loop.add_callback(self.listen_forever)
        self.io_loop.add_callback(self.log)
