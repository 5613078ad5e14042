"""The near miss of loop_typed_in_another_module: the same names, none of them an event loop
(a scheduler of the project's own, a context whose `loop` is a counter), so no call in
handlers.py is a spawn."""

import contextvars
from dataclasses import dataclass


class Scheduler:
    def create_task(self, job: object) -> None:
        pass


loop = Scheduler()


@dataclass
class Context:
    loop: Scheduler
    client_id: str


current: contextvars.ContextVar[Context] = contextvars.ContextVar("current")
