"""Dispatches every gateway event to its listeners."""

from __future__ import annotations

from .events import schedule


class Client:
    def __init__(self) -> None:
        self.listeners: dict[str, list] = {}

    def dispatch(self, event: str, *args: object) -> None:
        for listener in self.listeners.get(event, []):
            schedule(listener, *args)
