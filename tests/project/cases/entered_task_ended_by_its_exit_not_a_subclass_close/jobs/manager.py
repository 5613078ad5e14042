"""icij-worker's task manager: its consumer starts in `__aenter__` and is cancelled in
`__aexit__`, so the `async with` around the object ends it on every way out; a subclass's own
`cancel(job_id)` (in jobs/amqp.py) is no way out of that block (low). The near miss, `Poller`,
starts its task in `start()` and ends it in `stop()`: its subclass closes with a `close()` of its
own that never calls `stop()`, so its objects close with the task running (TL201)."""

import asyncio


class Manager:
    def __init__(self) -> None:
        self._consumer: asyncio.Task[None] | None = None

    async def __aenter__(self) -> "Manager":
        self._consumer = asyncio.create_task(self._consume())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._consumer is not None:
            self._consumer.cancel()

    async def _consume(self) -> None:
        while True:
            await asyncio.sleep(1)


class Poller:
    def __init__(self) -> None:
        self._poll: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._poll = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._poll is not None:
            self._poll.cancel()

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)
