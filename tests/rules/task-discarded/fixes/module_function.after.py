"""Forward messages to a webhook, one task per message."""

import asyncio
import logging
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()

LOG = logging.getLogger(__name__)


async def post(message: str) -> None:
    await asyncio.sleep(0)


async def on_message(message: str) -> None:
    LOG.info("forwarding %s", message)
    task = asyncio.create_task(post(message))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
