"""A supervisor races two loops with FIRST_EXCEPTION and cancels the pending one after the wait,
on the normal way out only (RUBRIC conventions 2 and 4): a cancelled supervisor leaves it
running. Both loops test a flag the owner's `__aexit__` sets, so they still end when the owner
closes: a way out other than a cancel (cocon-client's supervisor). Low, and the words say both
ends. Near miss: `task-never-cleaned/race_losers_of_a_supervisor` (a flag nothing sets, and
`while True`)."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._shutdown_event = asyncio.Event()
        self._supervisor_task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> "Client":
        self._supervisor_task = asyncio.create_task(self._supervise())
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._shutdown_event.set()
        if self._supervisor_task is not None:
            await self._supervisor_task

    async def _supervise(self) -> None:
        poll_task = asyncio.create_task(self._poll_loop())
        command_task = asyncio.create_task(self._command_loop())
        _, pending = await asyncio.wait({poll_task, command_task},
                                        return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def _poll_loop(self) -> None:
        while not self._shutdown_event.is_set():
            await asyncio.sleep(1)

    async def _command_loop(self) -> None:
        while not self._shutdown_event.is_set():
            await asyncio.sleep(0.5)
