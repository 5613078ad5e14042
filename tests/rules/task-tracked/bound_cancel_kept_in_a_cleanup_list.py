"""An HTTP protocol keeps, for each connection, the bound `cancel` of its send loop in a cleanup
list (`self.tasks.append(loop.create_task(...).cancel)`, netix's `HttpProtocol`) and calls
every callable in it when the connection is lost. The bound method holds its task, so the list
keeps the task, and calling it cancels it (popped into a local, or as a loop's variable): kept
and ended, low (it was a false TL101 "discarded"). Near miss: a bound cancel kept in a list nothing calls, cancels or awaits: the
list only grows (TL202)."""

import asyncio


class Protocol:
    def __init__(self) -> None:
        self.tasks: list[object] = []
        self.hooks: list[object] = []
        self.timers: list[object] = []

    def connection_made(self) -> None:
        loop = asyncio.get_running_loop()
        self.tasks.append(loop.create_task(self._send()).cancel)
        self.hooks.append(loop.create_task(self._send()).cancel)
        self.timers.append(loop.create_task(self._send()).cancel)

    async def _send(self) -> None:
        while True:
            await asyncio.sleep(1)

    def connection_lost(self) -> None:
        while self.tasks:
            cancel = self.tasks.pop()
            if callable(cancel):
                cancel()
        for stop in self.timers:
            stop()  # type: ignore[operator]
        print(len(self.hooks))
