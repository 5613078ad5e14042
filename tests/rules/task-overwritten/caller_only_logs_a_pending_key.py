"""Near miss of task-tracked/caller_refuses_a_pending_key: the handler only logs an app whose
deploy is in flight and goes on, so a second request overwrites the entry of a waiter that may
still run, without cancelling it."""

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
        print(f"a deploy of {app} is already running")
    return await spawn_deploy(app)
