"""Run an event handler in the background, and give the caller its task."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


def schedule(handler: Callable[..., Awaitable[None]], *args: object) -> asyncio.Task[None]:
    return asyncio.create_task(handler(*args), name=f"event {handler.__name__}")
