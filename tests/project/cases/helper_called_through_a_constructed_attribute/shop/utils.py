"""Helpers of the shop: a bucket keeps the tasks it is given in a set that a done-callback
prunes, and cancels what is left when it closes; a pool starts background work and hands each
task back to its caller."""

import asyncio


class Bucket:
    def __init__(self):
        self._tasks = set()

    def keep(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def close(self):
        for task in self._tasks:
            task.cancel()


class Pool:
    def start(self, coro):
        return asyncio.ensure_future(coro)
