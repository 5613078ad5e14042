"""Lambdas whose value is not dropped where taskleak can see: `Context.run` returns what its
function returns, and an emitter of another library is not followed."""

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
