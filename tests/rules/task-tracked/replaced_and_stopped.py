"""The same poller with a stop(): switching speed replaces the poll, unloading cancels it."""

import asyncio


class WallboxPoller:
    def __init__(self, client, interval: float) -> None:
        self._client = client
        self._interval = interval
        self._fast_polls_left = 0
        self._polling_task: asyncio.Task[None] | None = None

    def start_periodic_request(self) -> None:
        self._polling_task = asyncio.create_task(self._periodic_request())

    async def _periodic_request(self) -> None:
        await self._client.request_data()
        await asyncio.sleep(2 if self._fast_polls_left else self._interval)
        self._polling_task = asyncio.create_task(self._periodic_request())

    def set_fast_polling(self) -> None:
        self._fast_polls_left = 5
        if self._polling_task is not None:
            self._polling_task.cancel()
        self._polling_task = asyncio.create_task(self._periodic_request())

    def stop(self) -> None:
        if self._polling_task is not None:
            self._polling_task.cancel()
            self._polling_task = None
