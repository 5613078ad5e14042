import asyncio
import logging

LOG = logging.getLogger(__name__)


def log_result(task: asyncio.Task[None]) -> None:
    LOG.info("done: %s", task)


async def refresh() -> None:
    await asyncio.sleep(0)


async def on_event() -> None:
    asyncio.create_task(refresh()).add_done_callback(log_result)
