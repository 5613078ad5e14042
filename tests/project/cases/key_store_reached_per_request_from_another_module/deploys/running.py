"""One deploy per app at a time, keyed by the app's name; each waiter removes its own entry."""

import asyncio

_in_flight: dict[str, asyncio.Task[int]] = {}


async def _deploy(app: str) -> int:
    process = await asyncio.create_subprocess_exec("deploy", app)
    return await process.wait()


def spawn_deploy(app: str) -> asyncio.Task[int]:
    waiter = asyncio.ensure_future(_deploy(app))
    _in_flight[app] = waiter
    waiter.add_done_callback(lambda _: _in_flight.pop(app, None))
    return waiter
