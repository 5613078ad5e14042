"""ari-client's event listener: a `while True` loop that spawns a handler task per event into the
local `task` and gives it a logging done-callback. The coroutine never returns, but each turn
binds `task` to the next event's task and lets the one before go: only the last is held, so
each is dropped (high). The near misses: a task spawned once before the loop, held while the
loop runs (low), and a spawn whose block leaves the loop (`break`), bound once per run of it."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

Handler = Callable[[Any], Awaitable[None]]


def _log_error(task: "asyncio.Task[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        logging.error("handler failed", exc_info=task.exception())


async def listen(ws: Any, handler: Handler) -> None:
    while True:
        event = await ws.recv()
        task = asyncio.create_task(handler(event))
        task.add_done_callback(_log_error)


async def listen_with_a_pinger(ws: Any, handler: Handler, ping: Handler) -> None:
    pinger = asyncio.create_task(ping(ws))
    pinger.add_done_callback(_log_error)
    while True:
        await handler(await ws.recv())


async def listen_until_the_first(ws: Any, handler: Handler) -> None:
    while True:
        event = await ws.recv()
        if event is not None:
            first = asyncio.create_task(handler(event))
            first.add_done_callback(_log_error)
            break
    while True:
        await ws.recv()
