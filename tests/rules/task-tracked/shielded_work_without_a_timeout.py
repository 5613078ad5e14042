"""The near miss of task-never-cleaned/shielded_work_under_a_timeout: with no timeout the wait
ends only when the shielded work does (or when the caller is cancelled, which the shield is
there to outlast), so the work is waited for."""

import asyncio


async def restart_worker() -> None:
    await asyncio.sleep(10)


async def restart() -> str:
    await asyncio.wait_for(asyncio.shield(restart_worker()), None)
    return "OK"
