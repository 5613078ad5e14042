"""Start a chat turn; the caller owns the dict of running turns."""

from __future__ import annotations

import asyncio


async def run_turn(client_id: str, text: str) -> None:
    await asyncio.sleep(0)


async def start_turn(client_id: str, text: str, turns: dict[str, asyncio.Task[None]]) -> None:
    turns[client_id] = asyncio.create_task(run_turn(client_id, text))
