"""Attributes with no annotation, typed by their constructor calls: `self.b` is bound to
`Bucket()` (and None before that), `pool` in the class body to `shop.utils.Pool()`. The calls
through them run the helpers of utils.py: each is a row of its own. (This module spawns a task
of its own too, so the first pass reads it: a method helper's package is not searched for
callers.)"""

import asyncio

import shop.utils
from shop.utils import Bucket


async def work():
    pass


class Message:
    pool = shop.utils.Pool()

    def __init__(self):
        self.b = None
        self._ticker = None

    def open(self):
        self.b = Bucket()
        self._ticker = asyncio.create_task(work())

    def send(self):
        self.b.keep(work())

    def later(self):
        self.pool.start(work())

    def close(self):
        self._ticker.cancel()
        self.b.close()
