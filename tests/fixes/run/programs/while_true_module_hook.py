"""tracked-set for a coroutine that runs forever at module level: kept in the module set, it is
no longer destroyed mid-run; shutdown() and disconnect(client) are left as they are (a safe
fix cancels nothing)."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
RUNS_FOREVER = True  # kept now, and still running: a safe fix does not end it
EXPECTED_DONE = 1
_latest: dict[str, float] = {}


async def _refresh_prices() -> None:
    while True:
        await gate()
        _latest["EUR"] = 1.0
        done("refresh")


async def setup() -> None:
    asyncio.create_task(_refresh_prices())


async def disconnect(client: str) -> None:
    _latest.pop(client, None)


async def shutdown() -> None:
    _latest.clear()


async def drive_start() -> None:
    await setup()


async def drive_stop(_: object) -> None:
    await disconnect("x")
    await shutdown()
