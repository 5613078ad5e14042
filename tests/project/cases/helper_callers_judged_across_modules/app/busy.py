"""A file that spawns by itself, so the spawn pass analysed it: the helper round does not parse
it again (run/helper_callers.py says why), so a call of another module's helper is judged here
only when it drops the task; the one it keeps has no row. A helper that drops what it
spawns loses the task at every call."""

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
