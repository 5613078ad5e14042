"""tracked-set for concurrent futures: textual's driver posts to the loop from a thread with
run_coroutine_threadsafe; the futures are kept until done, and close() is left as it is."""

from __future__ import annotations

import asyncio
from typing import Any

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 2


class App:
    async def post_message(self, message: str) -> None:
        await gate()
        done(message)


class Driver:
    def __init__(self, app: App) -> None:
        self._app = app
        self._loop = asyncio.get_running_loop()
        self._auto_restart = True
        """Should the application auto-restart (where appropriate)?"""

    def send_message(self, message: str) -> None:
        asyncio.run_coroutine_threadsafe(self._app.post_message(message), loop=self._loop)

    def close(self) -> None:
        """Perform any final cleanup."""


async def drive_start() -> Any:
    driver = Driver(App())
    for message in ("key", "mouse"):
        await asyncio.to_thread(driver.send_message, message)  # as the input thread does
    return driver


async def drive_stop(driver: Driver) -> None:
    driver.close()
