import asyncio

from app.state import background, metrics, replies


async def notify(user: str) -> None:
    await asyncio.sleep(1)


async def reply(user: str) -> None:
    await asyncio.sleep(1)


def on_login(user: str) -> None:
    background.add(asyncio.create_task(notify(user)))


def on_message(user: str) -> None:
    replies[user] = asyncio.create_task(reply(user))


def on_tick(user: str) -> None:
    # the near miss: another module reads `metrics`, and nothing ends what it holds
    metrics.add(asyncio.create_task(notify(user)))
