"""Lambdas whose value is not dropped where taskleak can see: `Context.run` returns what its
function returns (followed to the caller). The near miss: an emitter typed `Any` is an unknown
callback registration, which keeps nothing of what its listener returns (TL101 high; stop 87:
it was not followed before the decision that an unknown registration keeps nothing)."""

import asyncio
import contextvars
from collections.abc import Callable, Coroutine
from typing import Any


def spawn_in(context: contextvars.Context,
             factory: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None]:
    return context.run(lambda: asyncio.create_task(factory()))


async def work() -> None:
    await asyncio.sleep(0.1)


def subscribe(emitter: Any) -> None:
    emitter.on("ready", lambda: asyncio.create_task(work()))
