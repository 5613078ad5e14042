"""One job per request, through the configured helper: its task is kept by the helper that
helper hands it to (the evidence names it), and never ended. Near miss: helper_keeps_forever,
where the configured helper keeps the task itself."""

from __future__ import annotations

from jobs import start_job


async def refresh() -> None:
    return None


async def on_request() -> None:
    start_job(refresh())
