"""A module-level session store with a background sweeper."""
import asyncio
import time

_sessions: dict[str, float] = {}
_sweeper: asyncio.Task | None = None


async def _sweep() -> None:
    while True:
        await asyncio.sleep(30)
        now = time.monotonic()
        for sid, expires in list(_sessions.items()):
            if expires < now:
                del _sessions[sid]


def init_store() -> None:
    global _sweeper
    if _sweeper is None:
        _sweeper = asyncio.create_task(_sweep())


def touch(sid: str, ttl: float = 300.0) -> None:
    _sessions[sid] = time.monotonic() + ttl
