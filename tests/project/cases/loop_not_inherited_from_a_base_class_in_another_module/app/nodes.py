"""Classes derived from base.py's whose inherited attributes hold no loop of the kind asked:
`self.group` is the project's Scheduler (its calls are the helper's, judged as such: low),
`self.evloop` an asyncio loop, which has no `add_callback` (no spawn). `self.pool`, which no
class sets, is typed by nothing: its `create_task` of `self.run()`, an `async def` of the
project, is a spawn (issue 68, "Receivers nobody typed"), its words saying so."""

import asyncio

from app.base import Node


class Worker(Node):
    def go(self) -> None:
        self.group.call_soon(self.run())
        self.evloop.add_callback(self.run)  # type: ignore[attr-defined]
        self.pool.create_task(self.run())  # type: ignore[attr-defined]

    async def run(self) -> None:
        await asyncio.sleep(0)
