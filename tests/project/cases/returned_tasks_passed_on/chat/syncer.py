"""A sync loop's dispatcher: `dispatch_manual_event` spawns one task per handler and returns
the list; `dispatch_event` and `dispatch_internal_event` return what it returns, and
`run_internal_event` gathers it."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


class Syncer:
    def __init__(self) -> None:
        self.handlers: dict[str, list[Callable[[Any], Awaitable[None]]]] = {}

    def dispatch_manual_event(self, kind: str, data: Any) -> list[asyncio.Task[None]]:
        return [asyncio.create_task(handler(data)) for handler in self.handlers.get(kind, [])]

    def dispatch_event(self, kind: str, data: Any) -> list[asyncio.Task[None]]:
        return self.dispatch_manual_event(kind, data)

    async def run_internal_event(self, kind: str, data: Any) -> None:
        await asyncio.gather(*self.dispatch_manual_event(kind, data))
