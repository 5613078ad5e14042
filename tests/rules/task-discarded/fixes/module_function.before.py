"""Forward messages to a webhook, one task per message."""

import asyncio
import logging

LOG = logging.getLogger(__name__)


async def post(message: str) -> None:
    await asyncio.sleep(0)


async def on_message(message: str) -> None:
    LOG.info("forwarding %s", message)
    asyncio.create_task(post(message))
