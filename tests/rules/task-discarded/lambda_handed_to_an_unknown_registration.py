"""Handlers registered with calls the checked code does not define: a lambda that returns the
task it spawns hands the task to whoever calls the lambda, and a call whose own value is
dropped can only keep it or drop it. A call that is no function of the checked code (the
standard library's `signal.signal`, a method of an untyped object, a callback collection's
`add`, a parameter) is an unknown callback registration, which keeps nothing: high. The near
misses, each low: a function or a method of the checked code, its own or an object's (it may
keep what it is given: not followed), pyee's `AsyncIOEventEmitter` (it keeps what a listener returns until done), a
call whose value is used (returned, bound), and a built-in."""

import asyncio
import signal
from collections.abc import Callable
from typing import Any

from pyee.asyncio import AsyncIOEventEmitter


async def shutdown() -> None:
    await asyncio.sleep(0)


async def handle(event: object) -> None:
    await asyncio.sleep(0)


def register(callback: Callable[[], object]) -> None:
    callback()


class Feed(AsyncIOEventEmitter):
    def listen(self) -> None:
        self.on("event", lambda event: asyncio.create_task(handle(event)))


class Bus:
    def __init__(self) -> None:
        self._listeners: list[Callable[[], object]] = []

    def listen(self, listener: Callable[[], object]) -> None:
        self._listeners.append(listener)


class Client:
    def __init__(self, channel: Any) -> None:
        self._channel = channel
        self._bus = Bus()
        self._handlers: list[Callable[[], object]] = []

    def subscribe(self, handler: Callable[[], object]) -> None:
        self._handlers.append(handler)

    def install(self, page: Any, middleware: Callable[..., None]) -> Any:
        signal.signal(signal.SIGTERM, lambda *_: asyncio.ensure_future(shutdown()))
        page.on("response", lambda response: asyncio.create_task(handle(response)))
        self._channel.close_callbacks.add(lambda *_: asyncio.create_task(shutdown()))
        middleware(self, lambda: asyncio.create_task(shutdown()))
        register(lambda: asyncio.create_task(shutdown()))
        self.subscribe(lambda: asyncio.create_task(shutdown()))
        self._bus.listen(lambda: asyncio.create_task(shutdown()))
        emitter = AsyncIOEventEmitter()
        emitter.once("event", lambda event: asyncio.create_task(handle(event)))
        list(map(lambda event: asyncio.create_task(handle(event)), [1, 2]))
        return page.on("request", lambda request: asyncio.create_task(handle(request)))
