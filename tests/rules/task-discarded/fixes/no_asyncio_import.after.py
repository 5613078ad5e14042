import asyncio
import json
import os
from asyncio import create_task
from typing import Any

import aiohttp

_background_tasks: set[asyncio.Task[Any]] = set()


async def report(session: aiohttp.ClientSession, data: dict[str, str]) -> None:
    task = create_task(session.post(os.environ["REPORT_URL"], data=json.dumps(data)))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
