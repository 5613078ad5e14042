"""RUBRIC convention 5: a task whose holder lets go of it when it ends. `Desk._drive()` sets
`self.job = None` in its own `finally`, so `self.job` holds the task until it ends, on every
way out, and a task that finishes by itself is then low, as with a done-callback that resets
it. Near misses: `LateDesk` resets only at the end of the body, which an error skips, so the
slot keeps a task nothing ends (TL201); `Beacon` resets in its `finally` too, but its coroutine
runs until cancelled and nothing cancels it (TL201)."""

import asyncio
from collections.abc import Awaitable, Callable


class Desk:
    def __init__(self) -> None:
        self.job: asyncio.Task[None] | None = None

    async def _drive(self, flow: Callable[[], Awaitable[None]]) -> None:
        try:
            await flow()
        finally:
            self.job = None

    def begin(self, flow: Callable[[], Awaitable[None]]) -> None:
        self.job = asyncio.create_task(self._drive(flow))


class LateDesk:
    def __init__(self) -> None:
        self.job: asyncio.Task[None] | None = None

    async def _drive(self, flow: Callable[[], Awaitable[None]]) -> None:
        await flow()
        self.job = None

    def begin(self, flow: Callable[[], Awaitable[None]]) -> None:
        self.job = asyncio.create_task(self._drive(flow))


class Beacon:
    def __init__(self) -> None:
        self.job: asyncio.Task[None] | None = None

    async def _shine(self) -> None:
        try:
            while True:
                await asyncio.sleep(1)
        finally:
            self.job = None

    def begin(self) -> None:
        self.job = asyncio.create_task(self._shine())
