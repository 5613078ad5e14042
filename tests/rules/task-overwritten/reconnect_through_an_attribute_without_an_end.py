"""The near miss of task-tracked's `end_on_the_object_runs_per_event_too`: the report loop
reconnects its gateway on each report with `connect()` alone, and the gateway's `disconnect()`
runs only on close. Each report stores a new heartbeat over the one still running, whichever
module the gateway lives in."""

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
        await self._gateway.connect()

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read_reports())

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        await self._gateway.disconnect()
