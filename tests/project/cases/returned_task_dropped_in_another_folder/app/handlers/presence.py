"""Presence updates: the helper lives in app/util, its callers here, one folder over."""

from app.util.tasks import start_named


async def _broadcast(user: str, online: bool) -> None:
    print(user, online)


async def _store(user: str) -> None:
    print("stored", user)


def on_presence(user: str, online: bool) -> None:
    start_named(_broadcast(user, online), f"presence-{user}")


async def on_login(user: str) -> None:
    await start_named(_store(user), f"store-{user}")
