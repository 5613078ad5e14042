"""One job per request."""

from __future__ import annotations

from jobs import start_job


async def refresh() -> None:
    return None


async def on_request() -> None:
    start_job(refresh())
