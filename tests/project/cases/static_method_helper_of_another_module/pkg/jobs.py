import asyncio
from collections.abc import Coroutine
from typing import Any


class Jobs:
    @staticmethod
    def spawn(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.create_task(coro)

    @classmethod
    def spawn_later(cls, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return cls.spawn(coro)


class Later:
    @staticmethod
    def spawn(coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return Jobs.spawn(coro)


class Work:
    @staticmethod
    async def notify(user: str) -> None:
        await asyncio.sleep(0)
