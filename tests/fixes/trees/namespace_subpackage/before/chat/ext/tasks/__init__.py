import asyncio

from ...client import Client


def remind(client: Client, text: str) -> None:
    asyncio.ensure_future(client.send(text))
