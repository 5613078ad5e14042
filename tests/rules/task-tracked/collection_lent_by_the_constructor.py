"""A protocol keeps its closing tasks in a list its constructor is given
(`self.closing_tasks = closing_tasks`, the attribute's one binding): the list is the server's,
which pops and awaits every task in it on stop (asyncua's binary server). What ends the
collection is its owner's, the constructor's caller, as for a collection passed to a function.
Near miss: `collection-never-pruned/collection_lent_by_a_constructor_nobody_ends`."""

import asyncio
from collections.abc import Callable


class Protocol(asyncio.Protocol):
    def __init__(self, server_name: str, closing_tasks: list[asyncio.Task[None]]) -> None:
        self.server_name = server_name
        self.closing_tasks = closing_tasks

    def connection_lost(self, exc: Exception | None) -> None:
        closing_task = asyncio.create_task(self.close())
        self.closing_tasks.append(closing_task)

    async def close(self) -> None:
        await asyncio.sleep(0.1)


class Server:
    def __init__(self) -> None:
        self.closing_tasks: list[asyncio.Task[None]] = []

    def protocol_factory(self) -> Callable[[], Protocol]:
        return lambda: Protocol("opcua", closing_tasks=self.closing_tasks)

    async def stop(self) -> None:
        while self.closing_tasks:
            task = self.closing_tasks.pop()
            await task
