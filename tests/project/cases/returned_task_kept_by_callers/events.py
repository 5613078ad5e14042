"""Run an event handler in the background, and give the caller its task."""

from __future__ import annotations

import asyncio


def schedule(coro) -> asyncio.Task[None]:
    return asyncio.create_task(coro)
