"""Near miss of task_on_a_constructed_object_ended_by_its_class: the class keeps the task and
only reads whether it is done; nothing cancels or awaits it."""

from __future__ import annotations

import asyncio


class StreamedResult:
    def __init__(self) -> None:
        self.run_task: asyncio.Task[None] | None = None

    @property
    def is_complete(self) -> bool:
        return self.run_task is not None and self.run_task.done()
