"""Near miss of task-tracked/collection_lent_by_the_constructor: the server lends the protocol
a list it never pops, awaits or cancels, so the closing tasks put in it are kept for good."""

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

    def pending(self) -> int:
        return len(self.closing_tasks)
