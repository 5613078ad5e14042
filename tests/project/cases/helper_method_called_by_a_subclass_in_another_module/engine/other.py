"""Near miss: a class of the same package with a method of the same name, not derived from the
base: its `start_background_task` runs the target at once and gives no task, so its calls are
no spawns."""

from collections.abc import Callable
from typing import Any


class Runner:
    def start_background_task(self, target: Callable[..., Any], *args: Any) -> None:
        target(*args)

    def on_message(self, message: str) -> None:
        self.start_background_task(print, message)
