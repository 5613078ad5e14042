"""`await start_sync()` as a statement drops the task (TL101, no fix: the call gives a
coroutine); `start_sync()` not awaited runs nothing, so it drops no task (Python warns of the
coroutine never awaited): no row."""

from app.tasks import start_sync


async def on_login() -> None:
    await start_sync()


def on_logout() -> None:
    start_sync()
