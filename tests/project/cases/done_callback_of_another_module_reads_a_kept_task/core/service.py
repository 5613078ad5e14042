"""Start-up work kept in an attribute of a service and ended by nothing but itself: its errors
are seen when the done-callback (of `core/callbacks.py`) reads its outcome (TL001), not when it
only logs that it ended (TL201), as when the callbacks are defined here."""

import asyncio

from .callbacks import log_done, log_failure


async def warm_up() -> None:
    await asyncio.sleep(1)


class Service:
    def __init__(self) -> None:
        self.start_task: asyncio.Task[None] | None = None
        self.probe_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.start_task = asyncio.create_task(warm_up())
        self.start_task.add_done_callback(log_failure)

    def probe(self) -> None:
        self.probe_task = asyncio.create_task(warm_up())
        self.probe_task.add_done_callback(log_done)
