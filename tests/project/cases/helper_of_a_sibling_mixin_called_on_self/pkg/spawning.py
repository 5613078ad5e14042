import asyncio
from collections.abc import Coroutine
from typing import Any

from .base import ClientBase


class SpawnMixin(ClientBase):
    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> "asyncio.Task[None]":
        return asyncio.create_task(coro)


class InlineMixin(ClientBase):
    async def spawn_background(self, coro: Coroutine[Any, Any, None]) -> None:
        await coro


class QuietSpawnMixin(ClientBase):
    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> "asyncio.Task[None]":
        return asyncio.create_task(coro)
