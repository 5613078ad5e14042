"""Textual's driver: attributes documented by the string below them, a sync close()."""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Any


class Driver:
    """A base class for drivers."""

    mode: str = "inline"
    """A class attribute and its docstring."""

    def __init__(self, app: Any, *, debug: bool = False) -> None:
        """Initialize a driver."""
        self._app = app
        self._debug = debug
        self._loop = asyncio.get_running_loop()
        self._auto_restart = True
        """Should the application auto-restart (where appropriate)?"""
        self.cursor_origin: tuple[int, int] | None = None
        """Where the cursor was."""
        self._background_futures: set[concurrent.futures.Future[Any]] = set()
        self.start()

    def start(self) -> None:
        pass

    def send_message(self, message: object) -> None:
        future = asyncio.run_coroutine_threadsafe(
            self._app._post_message(message), loop=self._loop
        )
        self._background_futures.add(future)
        future.add_done_callback(self._background_futures.discard)

    @staticmethod
    def helper() -> None:
        pass

    def close(self) -> None:
        """Perform any final cleanup."""
