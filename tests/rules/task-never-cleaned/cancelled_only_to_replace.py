"""A wallbox poller: a button press switches to fast polling by cancelling the poll and starting
a new one. That cancel is a replacement; nothing ever stops the poll when the integration goes."""

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
        if self._fast_polls_left:
            self._fast_polls_left -= 1
            await asyncio.sleep(2)
        else:
            await asyncio.sleep(self._interval)
        self._polling_task = asyncio.create_task(self._periodic_request())

    def set_fast_polling(self) -> None:
        self._fast_polls_left = 5
        old = self._polling_task
        old.cancel()
        self._polling_task = asyncio.create_task(self._periodic_request())
