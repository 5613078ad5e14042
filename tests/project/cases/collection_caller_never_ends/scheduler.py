"""Keeps every job it ever started: nothing prunes, awaits or cancels them."""

from __future__ import annotations

import asyncio

from turns import start_job


class Scheduler:
    def __init__(self) -> None:
        self.jobs: list[asyncio.Task[None]] = []

    def on_request(self, name: str) -> None:
        start_job(name, self.jobs)
