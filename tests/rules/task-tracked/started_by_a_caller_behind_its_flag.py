"""An ASGI lifespan: every startup event calls _ensure_started(), which starts the memory
logger only the first time (its started flag), and shutdown cancels the logger before it clears
the flag."""

import asyncio


class Server:
    def __init__(self) -> None:
        self._started = False
        self._mem_log_task: asyncio.Task[None] | None = None

    async def lifespan(self, receive: Receive) -> None:
        while True:
            event = await receive()
            if event == "startup":
                await self._ensure_started()
            elif event == "shutdown":
                await self._stop()
                return

    async def _ensure_started(self) -> None:
        if self._started:
            return
        self._started = True
        self._start_mem_log()

    def _start_mem_log(self) -> None:
        self._mem_log_task = asyncio.create_task(self._log_mem())

    async def _log_mem(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def _stop(self) -> None:
        if self._mem_log_task is not None:
            self._mem_log_task.cancel()
            self._mem_log_task = None
        self._started = False
