"""Listeners that never return while their pinger runs: it is held, and its errors are seen when
a done-callback of another module reads its outcome (low), as when the callback is this
module's own; the near miss, a callback that does not read it, leaves them unseen (medium)."""

import asyncio
from typing import Any

from app import callbacks
from app.callbacks import Monitor, log_errors


async def listen(ws: Any) -> None:
    pinger = asyncio.create_task(ws.ping_forever())
    pinger.add_done_callback(log_errors)
    while True:
        await ws.recv()


async def listen_qualified(ws: Any) -> None:
    pinger = asyncio.create_task(ws.ping_forever())
    pinger.add_done_callback(callbacks.log_errors)
    while True:
        await ws.recv()


async def listen_with_a_monitor(ws: Any, monitor: Monitor) -> None:
    pinger = asyncio.create_task(ws.ping_forever())
    pinger.add_done_callback(monitor.on_done)
    while True:
        await ws.recv()


async def listen_counted(ws: Any) -> None:
    pinger = asyncio.create_task(ws.ping_forever())
    pinger.add_done_callback(callbacks.count_done)
    while True:
        await ws.recv()
