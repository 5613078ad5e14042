import asyncio

from ..._background_tasks import keep_task
from ...client import Client


def remind(client: Client, text: str) -> None:
    keep_task(asyncio.ensure_future(client.send(text)))
