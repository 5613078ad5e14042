"""pygls's shape: a writer protocol whose `write()` is annotated `-> Awaitable[None]`. An
Awaitable may be a coroutine (pygls's websocket writer returns websockets' `send()`), so
`ensure_future` of what the stub gives makes a task, dropped here (high). The near miss,
tornado's `Condition.wait()`: annotated the same, its body returns the Future it holds, so
`ensure_future` of it makes no task (no row)."""

import asyncio
from typing import Awaitable, Protocol


class AsyncWriter(Protocol):
    def write(self, data: bytes) -> Awaitable[None]: ...


class Condition:
    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[bool]] = []

    def wait(self) -> Awaitable[bool]:
        waiter: asyncio.Future[bool] = asyncio.Future()
        self._waiters.append(waiter)
        return waiter


class Connection:
    def __init__(self, writer: AsyncWriter, condition: Condition) -> None:
        self.writer = writer
        self.condition = condition

    def send(self, data: bytes) -> None:
        res = self.writer.write(data)
        asyncio.ensure_future(res)



def nudge(condition: Condition) -> None:
    asyncio.ensure_future(condition.wait())
