"""Handlers in another file: one drops what `start()` returns (high, here), one awaits it."""

from app.tasks import start


async def notify(user: str) -> None:
    print(user)


async def on_login(user: str) -> None:
    start(notify(user))


async def on_logout(user: str) -> None:
    t = start(notify(user))
    await t
