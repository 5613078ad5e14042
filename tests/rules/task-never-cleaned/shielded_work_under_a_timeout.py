"""`wait_for(shield(work()), timeout)`: the shield runs work() in a task of its own, and the
timeout cancels the shield, not that task: at the timeout the work goes on running, and nothing
holds it. The same for a task of our own shielded so; the near miss waits for it in the handler
of the timeout (another, a shield waited with no timeout, is task-tracked's
`shielded_work_without_a_timeout`). restart_worker() ends by itself, so the timeout leaves it to
finish by itself: low (RUBRIC convention 4; a loop is `timed_wait_leaves_a_loop_running`)."""

import asyncio


async def restart_worker() -> None:
    await asyncio.sleep(10)


async def restart(timeout: float) -> str:
    try:
        await asyncio.wait_for(asyncio.shield(restart_worker()), timeout)
    except TimeoutError:
        return "timed out"
    return "OK"


async def restart_kept(timeout: float) -> str:
    work = asyncio.ensure_future(restart_worker())
    try:
        await asyncio.wait_for(asyncio.shield(work), timeout)
    except TimeoutError:
        return "timed out"
    return "OK"


async def restart_then_wait(timeout: float) -> str:
    """The near miss: at the timeout the handler waits for the work it shielded."""
    work = asyncio.ensure_future(restart_worker())
    try:
        await asyncio.wait_for(asyncio.shield(work), timeout)
    except TimeoutError:
        await work
        return "late"
    return "OK"
