"""A task kept on the session's state and also listed in a local for a status line: the local
list is dropped at return, but the state still keeps the task, so it is not lost there; nothing
ever cancels or awaits it, though."""

import asyncio
from dataclasses import dataclass


@dataclass
class SessionState:
    heartbeat: asyncio.Task[None] | None = None


async def beat() -> None:
    while True:
        await asyncio.sleep(30)


def start(state: SessionState) -> int:
    running = []
    state.heartbeat = asyncio.create_task(beat())
    running.append(state.heartbeat)
    return len(running)
