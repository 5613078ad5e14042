import asyncio


class GuildCache:
    def __init__(self, api) -> None:
        self._api = api
        self.members: dict[int, dict] = {}
        self._gateway_task: asyncio.Task | None = None
        self._sync_task: asyncio.Task | None = None
        self._chunk_task: asyncio.Task | None = None

    def start(self) -> None:
        self._gateway_task = asyncio.create_task(self._follow_gateway())
        self._sync_task = asyncio.create_task(self._sync_members())
        self._gateway_task.add_done_callback(self._forget_sync)
        self._chunk_task = asyncio.create_task(self._request_chunks())
        self._chunk_task.add_done_callback(self._forget_chunks)

    def _forget_sync(self, _task: asyncio.Task) -> None:
        self._sync_task = None

    def _forget_chunks(self, task: asyncio.Task) -> None:
        if self._chunk_task is task:
            self._chunk_task = None

    async def _follow_gateway(self) -> None:
        async for event in self._api.events():
            if event["t"] == "MEMBER_UPDATE":
                self.members[event["id"]] = event["member"]

    async def _sync_members(self) -> None:
        for member in await self._api.list_members():
            self.members[member["id"]] = member

    async def _request_chunks(self) -> None:
        await self._api.request_chunks(limit=1000)

    async def close(self) -> None:
        if self._gateway_task is not None:
            self._gateway_task.cancel()
            await asyncio.gather(self._gateway_task, return_exceptions=True)
