"""A function that returns the task it spawns through the compat module, and callers that drop
it, here and in another module. The spawn is read as asyncio's only once the join follows the
compat module's import, so it makes no spawn helper of the module's own facts
(`summaries/exports.spawn_helpers`); the task it returns is followed to its callers all the same
(the join's "who drops the task I return?"): its own spawn is a low row and each caller that
drops it a high one, the rows of the same program importing asyncio in place."""

from .compat import create_task


async def beat() -> None:
    pass


def start_beat():  # type: ignore[no-untyped-def]
    return create_task(beat())


def restart() -> None:
    start_beat()
