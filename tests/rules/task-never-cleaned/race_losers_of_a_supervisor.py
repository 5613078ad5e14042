"""A supervisor races two loops with FIRST_EXCEPTION and cancels the pending one after the wait,
on the normal way out only (RUBRIC conventions 2 and 4): cancelled while it waits (its owner's
`__aexit__` cancels it), it leaves both running for good, since the poll loop tests a flag
nothing sets and the command loop runs `while True` (medium). The words name the wait as
written (FIRST_EXCEPTION). Under every invariance transform the same: the loops moved to a
sibling mixin are found through the class that mixes both in (`callees.function_at`)."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._shutdown_event = asyncio.Event()
        self._supervisor_task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> "Client":
        self._supervisor_task = asyncio.create_task(self._supervise())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._supervisor_task is not None:
            self._supervisor_task.cancel()

    async def _supervise(self) -> None:
        poll_task = asyncio.create_task(self._poll_loop())
        command_task = asyncio.create_task(self._command_loop())
        _, pending = await asyncio.wait({poll_task, command_task},
                                        return_when=asyncio.FIRST_EXCEPTION)
        for task in pending:
            task.cancel()

    async def _poll_loop(self) -> None:
        while not self._shutdown_event.is_set():
            await asyncio.sleep(1)

    async def _command_loop(self) -> None:
        while True:
            await asyncio.sleep(0.5)
