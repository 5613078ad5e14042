"""Bridges a blocking hardware SDK's callback thread into an asyncio application."""
from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

Sink = Callable[[dict[str, Any]], Awaitable[None]]


class SdkBridge:
    def __init__(self, loop: asyncio.AbstractEventLoop, sink: Sink) -> None:
        self._loop = loop
        self._sink = sink
        self._stopped = threading.Event()

    def on_sdk_event(self, event: dict[str, Any]) -> None:
        """Called by the SDK on its own thread, once per event."""
        asyncio.run_coroutine_threadsafe(self._sink(event), self._loop)

    def on_sdk_alarm(self, alarm: dict[str, Any]) -> None:
        """Called by the SDK thread for alarms: wait for delivery before acknowledging."""
        future = asyncio.run_coroutine_threadsafe(self._sink({"alarm": alarm}), self._loop)
        try:
            future.result(timeout=5)
        except Exception:
            future.cancel()
            log.exception("alarm delivery failed")

    def on_sdk_status(self, status: str) -> None:
        self._loop.call_soon_threadsafe(
            lambda: self._loop.create_task(self._sink({"status": status}))
        )
