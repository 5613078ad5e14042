"""A relative import of the helper's module, called through it."""

from .. import utils


async def ping() -> None:
    pass


async def keep_pinging() -> None:
    task = utils.create_task_logged(ping())
    await task
