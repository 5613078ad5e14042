"""The calls of loop_typed_in_another_module/voice/handlers.py, on receivers core.py types as
its own Scheduler: no spawn, nothing reported."""

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
