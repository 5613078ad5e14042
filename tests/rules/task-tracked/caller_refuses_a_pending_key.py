"""Kind 5, a guard at the caller, through a plain function: every request handler refuses an
app whose deploy is still in flight before it calls `spawn_deploy`, so no entry is overwritten
while its task runs; each waiter removes its own entry when it is done."""

import asyncio
from collections.abc import Awaitable, Callable

Handler = Callable[[str], Awaitable[int]]

_in_flight: dict[str, asyncio.Task[int]] = {}


class Router:
    def post(self, path: str) -> Callable[[Handler], Handler]:
        return lambda handler: handler


router = Router()


async def _deploy(app: str) -> int:
    process = await asyncio.create_subprocess_exec("deploy", app)
    return await process.wait()


def spawn_deploy(app: str) -> asyncio.Task[int]:
    waiter = asyncio.ensure_future(_deploy(app))
    _in_flight[app] = waiter
    waiter.add_done_callback(lambda _: _in_flight.pop(app, None))
    return waiter


@router.post("/deploy")
async def start_deploy(app: str) -> int:
    if app in _in_flight:
        raise RuntimeError(f"a deploy of {app} is already running")
    return await spawn_deploy(app)
