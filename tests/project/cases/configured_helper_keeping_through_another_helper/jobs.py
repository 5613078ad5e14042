"""A configured helper that hands its work on to another helper of its module, which keeps the
task in a list that is never pruned, awaited or cancelled."""

from __future__ import annotations

import asyncio

RUNNING: list[asyncio.Task[None]] = []


def keep(coro) -> asyncio.Task[None]:
    task = asyncio.create_task(coro)
    RUNNING.append(task)
    return task


def start_job(coro) -> asyncio.Task[None]:
    return keep(coro)
