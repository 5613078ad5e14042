"""A task spawned in an `except` handler and awaited there (through a shield, again if the wait
is cancelled): the handler is the path it runs on, not an error path that skips its end.
Near miss: cancelled_only_on_error.py (spawned before the `try`)."""

import asyncio


async def register(entry, lock: asyncio.Lock, sessions: dict[int, object]) -> None:
    try:
        async with asyncio.timeout(5):
            async with lock:
                sessions[id(entry)] = entry
    except TimeoutError:
        cleanup = asyncio.ensure_future(entry.terminate())
        try:
            await asyncio.shield(cleanup)
        except BaseException:
            await asyncio.shield(cleanup)
        raise
