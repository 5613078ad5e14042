import asyncio

import aiotools

from . import aio
from .aio import Reaper, drain, log_errors, watch


async def tick():
    while True:
        await asyncio.sleep(1)


class Session:
    def __init__(self):
        self._heartbeat = None
        self._reader = None
        self._writers = set()
        self._logged = None
        self._watched = None
        self._pinger = None
        self._reaper: Reaper = Reaper()

    async def start(self):
        self._heartbeat = asyncio.create_task(tick())
        self._reader = asyncio.create_task(tick())
        self._writers.add(asyncio.create_task(tick()))
        self._logged = asyncio.create_task(tick())
        log_errors(self._logged)
        self._watched = asyncio.create_task(tick())
        watch(self._watched)
        self._pinger = asyncio.create_task(tick())

    async def close(self):
        await aio.cancel_and_wait(self._heartbeat)
        await aio.cancel_and_wait(*self._writers)
        self._reader.cancel()
        await drain(self._reader)
        await self._reaper.reap(self._pinger)


async def once():
    task = asyncio.create_task(tick())
    log_errors(task)
    await asyncio.sleep(1)


async def drained():
    task = asyncio.create_task(tick())
    await drain(task)


async def elsewhere():
    task = asyncio.create_task(tick())
    await aiotools.cancel_and_wait(task)


async def by_keyword():
    task = asyncio.create_task(tick())
    log_errors(task=task)


async def by_name():
    task = asyncio.create_task(tick())
    await aio.cancel_named(None, reader=task)


async def passed_straight():
    log_errors(asyncio.create_task(tick()))
    await drain(asyncio.create_task(tick()))


class Pool:
    """Its tasks leave through a list a private method returns to the method that ends them."""

    def __init__(self):
        self._runner = None
        self._logger = None

    def open(self):
        self._runner = asyncio.create_task(tick())
        self._logger = asyncio.create_task(tick())

    def _take(self):
        taken = [self._runner]
        self._runner = None
        return taken

    def _take_logger(self):
        taken = [self._logger]
        return taken

    async def close(self):
        await aio.cancel_and_wait(*self._take())
        for task in self._take_logger():
            log_errors(task)
