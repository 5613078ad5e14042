"""Task utilities: what each does with the task it is given is read from its body."""

import asyncio
import functools
import logging

log = logging.getLogger(__name__)


async def cancel_and_wait(*futures):
    """Cancel each future and wait until it is done (a `*args` parameter)."""
    waiters = []
    for fut in futures:
        waiter = asyncio.get_running_loop().create_future()
        fut.add_done_callback(functools.partial(_release, waiter))
        waiters.append(waiter)
        fut.cancel()
    for waiter in waiters:
        await waiter


def _release(waiter, _):
    if not waiter.done():
        waiter.set_result(None)


async def drain(task):
    """Wait for one task to finish."""
    await task


def log_errors(task):
    """Only adds a done-callback: the event loop holds a task weakly, so this keeps nothing."""
    task.add_done_callback(lambda t: t.cancelled() or t.exception() and log.error("failed"))


REGISTRY = []


def watch(task):
    """Keeps the task in a registry: not followed from the caller."""
    task.add_done_callback(lambda t: None)
    REGISTRY.append(task)


class Reaper:
    """A method: a call through its object gives it no `self`."""

    async def reap(self, task):
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def cancel_named(log, **tasks):
    """Keyword arguments: `**tasks` receives each one no other parameter takes."""
    for name, task in tasks.items():
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
