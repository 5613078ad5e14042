"""tracked-set on the instance: a method drops the task; kept until it is done (close() is left
as it is: a safe fix cancels nothing)."""

import asyncio
import json

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 1


class Agent:
    def __init__(self) -> None:
        self._closed = False

    async def speak(self, message: dict[str, str]) -> None:
        asyncio.create_task(self._send(json.dumps(message)))

    async def _send(self, text: str) -> None:
        await gate()
        done(text)

    async def close(self) -> None:
        self._closed = True


async def drive_start() -> Agent:
    agent = Agent()
    await agent.speak({"say": "hi"})
    return agent


async def drive_stop(agent: Agent) -> None:
    await agent.close()
