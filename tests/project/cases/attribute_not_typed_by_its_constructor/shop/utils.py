"""Two pools that start background work and hand each task back to the caller, a factory that
makes one, and what a pool does, declared."""

import asyncio
from typing import Protocol


class Starter(Protocol):
    def start(self, coro): ...


class Pool:
    def start(self, coro):
        return asyncio.ensure_future(coro)


class Crate:
    def start(self, coro):
        return asyncio.create_task(coro)


def make_pool():
    return Pool()
