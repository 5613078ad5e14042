"""A chain of four helpers, each returning what the next gives (`spawn_reply` -> `spawn_send`
-> `spawn_call` -> `_spawn`, whose `ensure_future` makes the task): a call of the outermost
that drops it drops the task (TL101), however deep the chain; the near miss awaits it
(TL001)."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class Bot:
    def _spawn(self, coro: Coroutine[Any, Any, None]) -> "asyncio.Future[None]":
        return asyncio.ensure_future(coro)

    def spawn_call(self, method: str) -> "asyncio.Future[None]":
        return self._spawn(asyncio.sleep(len(method)))

    def spawn_send(self, text: str) -> "asyncio.Future[None]":
        return self.spawn_call(text)

    def spawn_reply(self, text: str) -> "asyncio.Future[None]":
        return self.spawn_send(text)

    def on_message(self, text: str) -> None:
        self.spawn_reply(text)

    async def on_command(self, text: str) -> None:
        await self.spawn_reply(text)
