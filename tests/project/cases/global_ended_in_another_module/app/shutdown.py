from app.state import background, metrics, replies


async def on_shutdown() -> None:
    for task in background:
        task.cancel()
    print(len(metrics))


def on_disconnect(user: str) -> None:
    task = replies.pop(user, None)
    if task is not None:
        task.cancel()
