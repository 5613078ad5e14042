"""A task list whose alias is handed to a method of a string literal (`" ".join(...)`): the
callee has no name (shown as `….join`); looking it up as one once crashed the analysis of the
whole file ("internal error", homeassistant's mcp config flow)."""

import asyncio
import logging

_LOGGER = logging.getLogger(__name__)


async def fetch(url: str) -> str:
    await asyncio.sleep(0)
    return url


async def fetch_all(urls: list[str]) -> list[str]:
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    pending = tasks
    _LOGGER.debug("fetching %s", " ".join(pending))
    return await asyncio.gather(*tasks)
