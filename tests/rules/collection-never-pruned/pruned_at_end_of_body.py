"""Jobs that remove themselves from the registry when they are done, but only on
the way out of a successful run: a job that raises or is cancelled stays registered."""

import asyncio


class JobRegistry:
    def __init__(self) -> None:
        self._jobs: dict[str, asyncio.Task[None]] = {}

    async def submit(self, request_id: str, payload: bytes) -> None:
        self._jobs[request_id] = asyncio.create_task(self._run(request_id, payload))

    async def _run(self, request_id: str, payload: bytes) -> None:
        await self._process(payload)
        self._jobs.pop(request_id, None)

    async def _process(self, payload: bytes) -> None:
        await asyncio.sleep(0)
