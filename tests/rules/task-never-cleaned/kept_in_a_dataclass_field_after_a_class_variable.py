"""A dataclass whose first annotated name is a class variable (`ClassVar`), which its generated
`__init__` leaves out: `Worker("billing", task)` gives the task to the field `task`, the second
parameter, not to `name`. Nothing ends it: TL201 on `Worker.task`."""

import asyncio
import dataclasses
from typing import ClassVar


@dataclasses.dataclass
class Worker:
    made: ClassVar[int] = 0
    name: str
    task: "asyncio.Task[None]"


class Pool:
    def __init__(self) -> None:
        self._by_name: dict[str, Worker] = {}

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    def add(self, name: str) -> None:
        self._by_name[name] = Worker(name, asyncio.create_task(self._run()))
