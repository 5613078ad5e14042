"""A method that returns its task, called on each element of a collection declared to hold
objects of its class (`connections: set[Connection]` in the class body, a `@property`
annotated `-> list[Connection]`, a parameter `conns: list[Connection]`, a `.copy()` of one): a
statement dropping what it returns drops one task per element, as it does on an object typed
any other way. Near misses: a collection declared with no element type (`connections: set`),
one whose element is a union of two classes (neither is known to be it), a dict iterated
(its keys, not its values), and a call whose result is kept."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class Connection:
    def spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.create_task(coro)

    async def send(self, payload: bytes) -> None:
        await asyncio.sleep(0)


class Other:
    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        asyncio.get_running_loop().call_soon(coro.close)


class Hub:
    connections: set[Connection]
    loose: set  # type: ignore[type-arg]
    mixed: list[Connection | Other]
    by_name: dict[str, Connection]

    def __init__(self) -> None:
        self.connections = set()
        self.loose = set()
        self.mixed = []
        self.by_name = {}

    @property
    def live(self) -> list[Connection]:
        return list(self.connections)

    def broadcast(self, payload: bytes) -> None:
        for conn in self.connections:
            conn.spawn(conn.send(payload))  # one dropped task per connection

    def broadcast_live(self, payload: bytes) -> None:
        for conn in self.live:
            conn.spawn(conn.send(payload))  # through the property: the same

    def broadcast_copy(self, payload: bytes) -> None:
        for conn in self.connections.copy():
            conn.spawn(conn.send(payload))  # a copy holds the same elements

    def broadcast_loose(self, payload: bytes) -> None:
        for conn in self.loose:
            conn.spawn(conn.send(payload))  # no element type: not followed

    def broadcast_mixed(self, payload: bytes) -> None:
        for conn in self.mixed:
            conn.spawn(conn.send(payload))  # either class: not followed

    def broadcast_keys(self, payload: bytes) -> None:
        for conn in self.by_name:
            conn.spawn(conn.send(payload))  # the keys of a dict: not followed

    async def broadcast_kept(self, payload: bytes) -> None:
        for conn in self.connections:
            task = conn.spawn(conn.send(payload))
            await task


def send_all(conns: list[Connection], payload: bytes) -> None:
    for conn in conns:
        conn.spawn(conn.send(payload))  # a parameter's declared elements: the same
