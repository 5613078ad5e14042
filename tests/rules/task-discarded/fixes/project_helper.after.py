"""The project keeps its tasks with app.tasks.keep (configured as keep-helper)."""

import asyncio
import json

from app.config import settings
from app.tasks import keep


async def post(message: str) -> None:
    await asyncio.sleep(0)


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(30)


async def on_message(message: dict[str, str]) -> None:
    keep(asyncio.create_task(post(json.dumps(message))))
    keep(asyncio.create_task(post("ack"))).add_done_callback(print)


def install(loop: asyncio.AbstractEventLoop) -> None:
    loop.call_soon(lambda: keep(asyncio.create_task(heartbeat())))
