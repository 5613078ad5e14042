import asyncio

from hub.base import HubClient, PanelClient


class AdminHubClient(HubClient):
    def __init__(self, every: float) -> None:
        super().__init__(every)
        self._jobs: set[asyncio.Task[None]] = set()

    def on_change(self) -> None:
        job = asyncio.create_task(asyncio.sleep(1))
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)

    async def _cancel_jobs(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    async def disconnect(self) -> None:
        await self._stop_poller()
        await self._cancel_jobs()
        await super().disconnect()


class AdminPanelClient(PanelClient):
    def __init__(self, every: float) -> None:
        super().__init__(every)
        self._jobs: set[asyncio.Task[None]] = set()

    def on_change(self) -> None:
        job = asyncio.create_task(asyncio.sleep(1))
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)

    async def _cancel_jobs(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    async def disconnect(self) -> None:
        await self._cancel_jobs()
