"""The near miss of `spawn_named_through_a_compat_module`: the same calls, named through a
module of the package that defines `create_task` and `gather` itself. They are the package's
own functions, not asyncio's, so no call here is a spawn."""

from . import jobs
from .jobs import create_task, gather


class Peer:
    def open(self) -> list[str]:
        first = create_task("read")
        jobs.create_task("beat")
        return gather(first, jobs.create_task("handle"))
