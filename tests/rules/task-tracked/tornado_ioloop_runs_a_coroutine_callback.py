"""A cluster worker built on tornado hands its coroutine functions to the IOLoop: tornado's
`add_callback`, `spawn_callback`, `call_later` and `add_timeout` call the function back and run
the coroutine it makes as a task, which the IOLoop keeps until it is done (its
`_pending_tasks`, since tornado 6.3) and whose error it logs: tracked, never cancelled. The loop
comes from `IOLoop.current()` (on the instance or on the spot) or from an annotated parameter;
the function is an `async def`, directly or through `partial` or a local. A `@gen.coroutine`
def called back starts and gives a Future that keeps its run going and whose error the IOLoop
logs (tornado 6.4, `library_facts.py`): tracked, low. A nested coroutine function that sets an event of its spawning function in a `finally`, which
that function waits on, is joined. Near misses: a coroutine object handed as the callback
(tornado cannot call it: never awaited, high), a plain method called back, a coroutine function
of another object (not followed), a `PeriodicCallback` (it awaits what its callback returns), a
receiver that does not resolve to an IOLoop (no claim), and an asyncio loop's `call_later` (the
coroutine never runs, high)."""

import asyncio
import threading
from functools import partial
from typing import Any

from tornado import gen
from tornado.ioloop import IOLoop, PeriodicCallback


class Worker:
    def __init__(self, comm: Any, loop: Any = None) -> None:
        self.comm = comm
        self.io_loop = IOLoop.current()
        self.other = loop
        self.heartbeat = PeriodicCallback(self.heartbeat_once, 1000)

    async def handle_stream(self, comm: Any) -> None:
        await comm.read()

    @gen.coroutine
    def background_send(self) -> Any:
        yield self.comm.write(b"batch")

    async def heartbeat_once(self) -> None:
        await self.comm.write(b"ping")

    def log_state(self) -> None:
        print("state")

    def start(self) -> None:
        self.io_loop.add_callback(self.background_send)

    def on_connect(self, comm: Any) -> None:
        IOLoop.current().add_callback(self.handle_stream, comm)

    def on_spawn(self, comm: Any) -> None:
        self.io_loop.spawn_callback(partial(self.handle_stream, comm))

    def later(self) -> None:
        job = self.handle_stream
        self.io_loop.call_later(5, job, self.comm)

    def with_deadline(self, deadline: float) -> None:
        self.io_loop.add_timeout(deadline, self.background_send)

    def by_mistake(self) -> None:
        self.io_loop.add_callback(self.handle_stream(self.comm))

    def plain(self) -> None:
        self.io_loop.add_callback(self.log_state)

    def elsewhere(self) -> None:
        self.io_loop.add_callback(self.comm.close)

    def periodic(self) -> None:
        self.heartbeat.start()

    def unknown_receiver(self) -> None:
        self.other.add_callback(self.handle_stream, self.comm)

    async def on_asyncio(self) -> None:
        asyncio.get_running_loop().call_later(5, self.heartbeat_once)


def stop_from_a_thread(loop: IOLoop, worker: Worker) -> None:
    async def do_stop() -> None:
        await worker.comm.close()

    loop.add_callback(do_stop)


def run_sync(loop: IOLoop, work: Any, timeout: float) -> None:
    done = threading.Event()

    @gen.coroutine
    def run() -> Any:
        try:
            yield work()
        finally:
            done.set()

    loop.add_callback(run)
    if not done.wait(timeout):
        raise TimeoutError(timeout)
