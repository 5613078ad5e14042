import asyncio
import json
from typing import Awaitable, Callable

from .jobs import Job
from .runner import Runner


async def follow_config(runner: Runner, fetch: Callable[[], Awaitable[str]],
                        actions: dict[str, Callable[[], Awaitable[None]]]) -> None:
    """Polls the config service and reloads the runner on every version."""
    seen = None
    while True:
        text = await fetch()
        if text != seen:
            seen = text
            runner.load([Job(j["name"], j["every"], actions[j["action"]])
                         for j in json.loads(text)])
        await asyncio.sleep(10.0)
