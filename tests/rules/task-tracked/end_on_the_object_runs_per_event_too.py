"""A connection's report loop reconnects its gateway on each report: `connect()` stores a new
heartbeat in the gateway's `_heartbeat`, and the gateway's `disconnect()`, which cancels it, runs
per report too (here only when the queue holds more reports). An end that runs per event as well
may come before each re-spawn, so nothing proves a heartbeat is left running: no overwrite is
claimed, whichever module the gateway lives in. (The near miss, a reconnect that never calls an
end per event: task-overwritten's `reconnect_through_an_attribute_without_an_end`.)"""

import asyncio


class Gateway:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def connect(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat())

    async def disconnect(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()


class Connection:
    def __init__(self) -> None:
        self._gateway = Gateway()
        self._reports: asyncio.Queue[int] = asyncio.Queue()
        self._reader: asyncio.Task[None] | None = None

    async def _read_reports(self) -> None:
        while True:
            if await self._reports.get():
                await self._reconnect()

    async def _reconnect(self) -> None:
        if self._reports.qsize():
            await self._gateway.disconnect()
        await self._gateway.connect()

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read_reports())

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        await self._gateway.disconnect()
