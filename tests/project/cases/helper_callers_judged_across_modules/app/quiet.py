"""No spawn word in this file: the spawn pass leaves it out, and the helper round finds it by
the helper's name in its package."""

from app.callbacks import run_callback
from app.utils import create_task_logged


async def pong() -> None:
    pass


def on_ping() -> None:
    create_task_logged(pong())
    run_callback(pong)
