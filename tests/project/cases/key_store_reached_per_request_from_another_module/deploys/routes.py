"""The request handler only logs an app whose deploy is in flight, and goes on: a second request
for the same app overwrites the entry of a waiter that may still run (the module that stores it
cannot tell; this one says the handler runs per request)."""

from collections.abc import Awaitable, Callable

from deploys import running
from deploys.running import _in_flight

Handler = Callable[[str], Awaitable[int]]


class Router:
    def post(self, path: str) -> Callable[[Handler], Handler]:
        return lambda handler: handler


router = Router()


@router.post("/deploy")
async def start_deploy(app: str) -> int:
    if app in _in_flight:
        print(f"a deploy of {app} is already running")
    return await running.spawn_deploy(app)
