"""Near miss of spawned_and_awaited_in_an_except.py: spawned in an `except` handler too, but
ended only in a handler nested in it, which runs only when the wait fails. The handler's normal
way out skips that end (RUBRIC's end-skipped, convention 4): a task that finishes by itself is
left to finish (low, the way out named); one that runs until cancelled is medium
(task-never-cleaned/ended_on_some_ways_out_only.py)."""

import asyncio


async def register(entry, ready: asyncio.Event) -> None:
    try:
        await entry.open()
    except OSError:
        cleanup = asyncio.ensure_future(entry.terminate())
        try:
            await ready.wait()
        except asyncio.CancelledError:
            cleanup.cancel()
            raise
