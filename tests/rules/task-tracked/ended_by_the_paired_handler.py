"""A task spawned by a connect handler and cancelled by the disconnect handler, both registered
per event (`register_on_connect`, `register_on_disconnect`): the end may come before each
re-spawn, so nothing proves a running task is left behind (the near misses, an end only on
close or only on the spawner's own error path, are task-overwritten's
`ended_only_on_close_when_respawned`)."""

import asyncio


class TokenRefresher:
    def __init__(self, iot) -> None:
        self._refresh: asyncio.Task[None] | None = None
        iot.register_on_connect(self.on_connect)
        iot.register_on_disconnect(self.on_disconnect)

    async def on_connect(self) -> None:
        self._refresh = asyncio.create_task(self._refresh_loop())

    async def on_disconnect(self) -> None:
        if self._refresh is not None:
            self._refresh.cancel()
            self._refresh = None

    async def _refresh_loop(self) -> None:
        while True:
            await asyncio.sleep(60)
