"""Start a job and keep it: the list is never pruned, awaited or cancelled."""

from __future__ import annotations

import asyncio

RUNNING: list[asyncio.Task[None]] = []


def start_job(coro) -> asyncio.Task[None]:
    task = asyncio.create_task(coro)
    RUNNING.append(task)
    return task
