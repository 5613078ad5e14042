"""Textual's driver: attributes documented by the string below them, a sync close()."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from typing import Any, TypeVar

_background_futures: set[concurrent.futures.Future[Any]] = set()
_FutureT = TypeVar("_FutureT", bound=concurrent.futures.Future[Any])


def _keep_future(future: _FutureT) -> _FutureT:
    """Keep the future until it is done; log its error."""
    _background_futures.add(future)
    future.add_done_callback(_keep_future_done)
    return future


def _keep_future_done(future: concurrent.futures.Future[Any]) -> None:
    _background_futures.discard(future)
    if future.cancelled():
        return
    error = future.exception()
    if error is not None:
        logging.getLogger(__name__).error("background future failed", exc_info=error)


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
        self.start()

    def start(self) -> None:
        pass

    def send_message(self, message: object) -> None:
        _keep_future(
            asyncio.run_coroutine_threadsafe(
                self._app._post_message(message), loop=self._loop
            )
        )

    @staticmethod
    def helper() -> None:
        pass

    def close(self) -> None:
        """Perform any final cleanup."""
