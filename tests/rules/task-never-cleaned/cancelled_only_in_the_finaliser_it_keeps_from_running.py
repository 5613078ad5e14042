"""A cleanup loop that runs a method of its own object, cancelled only in that object's
`__del__`: the task's coroutine holds `self` and the loop holds the task while it sleeps, so
the object is never collected while the task runs, and the finaliser never runs then. Nothing
else ends it (TL201). The near miss is task-tracked's `cancelled_in_the_finaliser_of_another_
object`."""

import asyncio


class BrokerMiddleware:
    def __init__(self) -> None:
        self._brokers: dict[str, float] = {}
        self._cleanup_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._cleanup_task is None:
            self._cleanup_task = asyncio.create_task(self._cleanup_idle_brokers())

    async def _cleanup_idle_brokers(self) -> None:
        while True:
            await asyncio.sleep(60)
            self._brokers.clear()

    def __del__(self) -> None:
        if self._cleanup_task is not None and not self._cleanup_task.done():
            self._cleanup_task.cancel()
