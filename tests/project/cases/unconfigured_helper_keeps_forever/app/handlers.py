from app.background import spawn


async def notify(user: str) -> None:
    pass


def on_message(user: str) -> None:
    spawn(notify(user))
