"""Near miss of task_on_an_untyped_object_ended_by_name: no module ends an attribute named
`producer` (the stream only reads whether it is done), so the task stored on the untyped object
is never ended, whatever its class."""

from __future__ import annotations

import asyncio


class Stream:
    def __init__(self) -> None:
        self.producer: asyncio.Task[None] | None = None

    @property
    def finished(self) -> bool:
        return self.producer is not None and self.producer.done()
