"""A caller in another module that drops the task `start_beat()` returns."""

from .beats import start_beat


def on_connect() -> None:
    start_beat()
