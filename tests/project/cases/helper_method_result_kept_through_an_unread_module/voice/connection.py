"""The connection reaches the manager through its client's `_tasks`: the report loop it gets
back is kept in `self._reports` and never ended (a row at the call, medium); the heartbeat it
keeps is cancelled on close (low). `self._client._cache.create()` makes no task: no row."""

import asyncio

from voice.client import Client


class Connection:
    def __init__(self, client: Client) -> None:
        self._client: Client = client
        self._reports: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None
        self._key = ""

    async def _loop_reports(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def connect(self) -> None:
        self._reports = self._client._tasks.create(self._loop_reports())
        self._heartbeat = self._client._tasks.create(self._beat())
        self._key = self._client._cache.create("reports")

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
