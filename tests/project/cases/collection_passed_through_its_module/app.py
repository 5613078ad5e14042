"""The owner calls the function through its module (`jobs.schedule(...)`): the set is the
function's first parameter and the call's first argument (no `self` is passed or expected).
Near miss: collection_caller_never_ends, whose owner imports the function by name."""

from __future__ import annotations

import asyncio

import jobs


class App:
    def __init__(self) -> None:
        self.running: set[asyncio.Task[None]] = set()

    def on_event(self) -> None:
        jobs.schedule(self.running)

    def close(self) -> None:
        for task in self.running:
            task.cancel()
