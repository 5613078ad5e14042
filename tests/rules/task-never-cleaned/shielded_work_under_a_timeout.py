"""`wait_for(shield(work()), timeout)`: the shield runs work() in a task of its own, and the
timeout cancels the shield, not that task: at the timeout the work goes on running, and nothing
holds it (the near miss, a shield waited with no timeout, is task-tracked's
`shielded_work_without_a_timeout`)."""

import asyncio


async def restart_worker() -> None:
    await asyncio.sleep(10)


async def restart(timeout: float) -> str:
    try:
        await asyncio.wait_for(asyncio.shield(restart_worker()), timeout)
    except TimeoutError:
        return "timed out"
    return "OK"
