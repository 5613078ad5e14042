"""Sends a response when its pending task is done, reading the task's outcome."""

from __future__ import annotations

import asyncio

from .handler import Response


class Protocol:
    def process(self, response: Response) -> None:
        if response.task is not None:
            response.task.add_done_callback(self._ready)

    def _ready(self, task: asyncio.Future[bytes]) -> None:
        try:
            print(task.result())
        except Exception as exc:
            print("failed", exc)
