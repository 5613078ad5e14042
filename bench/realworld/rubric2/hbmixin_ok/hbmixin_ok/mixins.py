import asyncio


class HeartbeatMixin:
    heartbeat_interval = 30.0

    def start_heartbeat(self) -> None:
        self._hb_task = asyncio.create_task(self._hb_loop())

    def stop_heartbeat(self) -> None:
        task = getattr(self, "_hb_task", None)
        if task is not None:
            task.cancel()

    async def _hb_loop(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_interval)
            await self.send_heartbeat()

    async def send_heartbeat(self) -> None:
        raise NotImplementedError
