"""Three spawns on loops that only core.py types: its global, a ContextVar's value, and a local
bound from an annotated attribute. Each task is dropped."""

from voice import core
from voice.core import current


async def greet(client_id: str) -> None:
    pass


def on_join(client_id: str) -> None:
    core.loop.create_task(greet(client_id))


def on_text() -> None:
    current.get().loop.create_task(greet(current.get().client_id))


def on_leave(ctx: core.Context) -> None:
    server = ctx.loop
    server.create_task(greet(ctx.client_id))
