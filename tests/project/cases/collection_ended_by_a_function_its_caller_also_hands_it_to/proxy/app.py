"""The app factory: a local list of background tasks, handed to the start hook (which fills it)
and to the stop hook, each in a module of its own."""

from __future__ import annotations

from typing import Any

from .start import start_spawn
from .stop import stop_all


def create_app(app: Any, worker: Any) -> Any:
    bg_tasks: list[Any] = []
    app.on_start(lambda _: start_spawn(worker, bg_tasks))
    app.on_stop(lambda _: stop_all(bg_tasks))
    return app
