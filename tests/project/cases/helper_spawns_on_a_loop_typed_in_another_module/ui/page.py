"""Callers of the helpers: `create` keeps and ends what it spawns, whatever the caller does
with the task; `start` is not judged (its receiver is no loop)."""

from ui import background_tasks


async def refresh() -> None:
    pass


def on_click() -> None:
    background_tasks.create(refresh(), name="refresh")


def on_load() -> None:
    task = background_tasks.create(refresh())
    task.cancel()


def on_idle() -> None:
    background_tasks.start(refresh())
