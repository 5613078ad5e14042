import asyncio

from .channels import Channel, EmailChannel


class Notifier:
    def __init__(self, channels: list[Channel], email: EmailChannel) -> None:
        self.channels = channels
        self.email = email

    def notify(self, message: str) -> None:
        asyncio.gather(*(ch.send(message) for ch in self.channels))

    async def notify_all(self, message: str) -> None:
        await asyncio.gather(*(ch.send(message) for ch in self.channels))

    def close(self) -> None:
        asyncio.shield(self.email.flush())

    async def aclose(self) -> None:
        await asyncio.shield(self.email.flush())
