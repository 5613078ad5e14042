"""The near miss of task-never-cleaned's `cancelled_only_in_the_finaliser_it_keeps_from_
running`: the task runs a coroutine of another object (`broker.serve()`), which holds that
object, not the manager; the manager may be collected while it runs, and its `__del__`
cancels the task then: an end (low)."""

import asyncio


class Broker:
    async def serve(self) -> None:
        while True:
            await asyncio.sleep(1)


class BrokerManager:
    def __init__(self, broker: Broker) -> None:
        self._broker = broker
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._broker.serve())

    def __del__(self) -> None:
        if self._task is not None:
            self._task.cancel()
