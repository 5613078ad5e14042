"""Near miss of task-tracked/spawned_and_awaited_in_an_except.py: spawned in an `except` handler
too, but ended only in a handler nested in it, which runs only when the wait fails; on the
handler's normal way out the task is dropped, still running."""

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
