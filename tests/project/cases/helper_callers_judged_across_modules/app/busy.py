"""A file that spawns by itself, so the spawn pass analyses it: with the helpers of other modules
it imports (run/helper_forecast.py), so each call of one is judged here, the one it keeps too
(kept and never ended). A helper that drops what it spawns loses the task at every call."""

import asyncio

from app.callbacks import run_callback
from app.utils import create_task_logged


class Poller:
    def __init__(self) -> None:
        self._tick: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._tick = create_task_logged(self._poll())
        create_task_logged(self._poll())
        asyncio.create_task(self._poll())
        run_callback(self._poll)

    async def _poll(self) -> None:
        await asyncio.sleep(1)
