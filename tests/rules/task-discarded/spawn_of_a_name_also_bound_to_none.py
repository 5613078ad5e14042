"""A router spawns what a handler gives for each event it feeds, behind a `None` sentinel:
`work = None` makes no task (a spawn of `None` raises), so what `work` holds is what the
handler call gives, a coroutine, and the Task made of it is dropped (high). Near miss: the
other value is an attribute nothing here types (`self.current`, maybe a Future someone
holds): what `current` holds is not followed (low)."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

Handler = Callable[[dict[str, str]], Coroutine[Any, Any, None]]


class Router:
    def __init__(self) -> None:
        self._routes: dict[str, Handler] = {}
        self.current: Any = None

    def route(self, kind: str, handler: Handler) -> None:
        self._routes[kind] = handler

    def _dispatch(self, event: dict[str, str]):
        handler = self._routes.get(event["kind"])
        if handler is not None:
            return handler(event)
        return None

    def feed(self, events: list[dict[str, str]]) -> None:
        for event in events:
            work = None
            if "kind" in event:
                work = self._dispatch(event)
            if work:
                asyncio.ensure_future(work)

    def feed_current(self, events: list[dict[str, str]]) -> None:
        for event in events:
            current = None
            if "kind" in event:
                current = self.current
            if current:
                asyncio.ensure_future(current)  # an untyped attribute: a Future or a coroutine
