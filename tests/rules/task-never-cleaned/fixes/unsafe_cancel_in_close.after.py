import asyncio


class SessionSweeper:
    def __init__(self) -> None:
        self._sessions: dict[str, float] = {}
        self._sweeper: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)
            self._sessions.clear()

    async def close(self) -> None:
        """Forget the sessions."""
        self._sessions.clear()
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)


class Ticker:
    def __init__(self) -> None:
        self._tick = None

    def start(self) -> None:
        self._tick = asyncio.get_event_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    def stop(self) -> None:
        print("stopping")
        if self._tick is not None:
            self._tick.cancel()
