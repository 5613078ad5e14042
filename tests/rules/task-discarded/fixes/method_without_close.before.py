import asyncio
from typing import Any


class Notifier:
    def __init__(self, client: Any) -> None:
        self.client = client

    def notify(self, text: str) -> None:
        asyncio.get_running_loop().create_task(self.client.send(text))
