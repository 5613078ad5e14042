"""Near miss of key_store_reached_per_request_from_another_module: the handler refuses an app
whose deploy is in flight before it calls `spawn_deploy`, so no entry is overwritten while its
task runs (the test is of the same dict, imported under another name)."""

from collections.abc import Awaitable, Callable

from releases.running import _in_flight as in_flight
from releases.running import spawn_deploy

Handler = Callable[[str], Awaitable[int]]


class Router:
    def post(self, path: str) -> Callable[[Handler], Handler]:
        return lambda handler: handler


router = Router()


@router.post("/deploy")
async def start_deploy(app: str) -> int:
    if app in in_flight:
        raise RuntimeError(f"a deploy of {app} is already running")
    return await spawn_deploy(app)
