from app import background
from app.background import spawn


async def notify(user: str) -> None:
    pass


def on_message(user: str) -> None:
    background.create(notify(user))
    spawn(notify(user))
