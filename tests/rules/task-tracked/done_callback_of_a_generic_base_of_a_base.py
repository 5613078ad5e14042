"""A done-callback of a generic base of a base, all in one module: `Exclusive` inherits
`Chain._emit_after_task` through `IntChain(Chain[int])`, which reads the outcome (TL001);
`Muted` inherits one that does not, and nothing ends its task (TL201)."""

import asyncio
from typing import Generic, TypeVar

T = TypeVar("T")


class Chain(Generic[T]):
    def emit(self, result: T) -> None:
        print(result)

    def _emit_after_task(self, task: "asyncio.Task[T]") -> None:
        self.emit(task.result())


class Quiet(Generic[T]):
    def _emit_after_task(self, task: "asyncio.Task[T]") -> None:
        print("done")


class IntChain(Chain[int]):
    pass


class QuietChain(Quiet[int]):
    pass


async def handle(event: int) -> int:
    await asyncio.sleep(0)
    return event


class Exclusive(IntChain):
    def __init__(self) -> None:
        self._task: asyncio.Task[int] | None = None

    def on_event(self, event: int) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(handle(event))
            self._task.add_done_callback(self._emit_after_task)


class Muted(QuietChain):
    def __init__(self) -> None:
        self._task: asyncio.Task[int] | None = None

    def on_event(self, event: int) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(handle(event))
            self._task.add_done_callback(self._emit_after_task)
