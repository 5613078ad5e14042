"""A config entry spawns its jobs through Home Assistant and keeps them until they are done.

`Entry.spawn` is the project's own helper: Home Assistant keeps the task (and ends it when it
stops), the entry keeps it too, and the caller may drop what it returns."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from homeassistant.core import HomeAssistant


class Entry:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, hass: HomeAssistant, target: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = hass.async_create_task(target)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def run_unload_jobs(self, hass: HomeAssistant,
                        jobs: list[Coroutine[Any, Any, None]]) -> None:
        for job in jobs:
            self.spawn(hass, job)
