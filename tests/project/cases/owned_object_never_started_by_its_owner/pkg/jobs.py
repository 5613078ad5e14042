import asyncio
from typing import Any


async def kick(job: Any) -> None:
    """Calls `start_reload()` by name on an object nobody typed: no start of the server's
    certificate reloader, which its owner never starts (and which this module, having a spawn
    of its own, is read for)."""
    job.start_reload()
    await asyncio.create_task(job.ready())
