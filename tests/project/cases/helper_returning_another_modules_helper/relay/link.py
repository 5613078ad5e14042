import asyncio

from relay import util


class Link:
    def run_guarded(self, coro):
        return util.spawn(coro)

    def run_plain(self, coro):
        return util.start(coro)


def start_guarded(coro):
    return util.spawn(coro)


def start_plain(coro):
    return util.start(coro)


async def ping():
    await asyncio.sleep(1)


def kick():
    start_guarded(ping())
    start_plain(ping())


async def beat():
    task = asyncio.create_task(ping())  # a spawn of its own: the spawn pass reads this module
    await task
