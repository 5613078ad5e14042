import asyncio


class RetryingConnectMixin:
    _retry_task: asyncio.Task | None = None

    async def connect(self) -> None:
        raise NotImplementedError

    def _ensure_connecting(self) -> None:
        if self._retry_task is None or self._retry_task.done():
            self._retry_task = asyncio.create_task(self._retry_connect())

    async def _retry_connect(self) -> None:
        delay = 0.5
        while True:
            try:
                await self.connect()
                return
            except OSError:
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
