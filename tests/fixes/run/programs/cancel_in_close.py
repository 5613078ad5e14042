"""cancel-in-close: a sweeper kept in an attribute runs until close() cancels it."""

import asyncio

from runkit import done, gate

FIX = "cancel-in-close"
UNSAFE = True
EXPECTED_DONE = 2  # two sweeps, then it waits for the next one


class SessionSweeper:
    def __init__(self) -> None:
        self._sessions: dict[str, float] = {"a": 1.0}
        self._sweeper: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await gate()
            self._sessions.clear()
            done("sweep")

    async def close(self) -> None:
        """Forget the sessions."""
        self._sessions.clear()


async def drive_start() -> SessionSweeper:
    sweeper = SessionSweeper()
    await sweeper.start()
    return sweeper


async def drive_stop(sweeper: SessionSweeper) -> None:
    await sweeper.close()
