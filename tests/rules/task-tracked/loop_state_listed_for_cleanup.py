"""Issue 23, kind 2: a workflow keeps its abort waiter on a dataclass of loop state, races it
with the pending steps on every turn, and its `finally` cancels and gathers whatever the state
still holds (listed in a local with the pending steps): the waiter is kept, and ended."""

import asyncio
from dataclasses import dataclass, field


@dataclass
class LoopState:
    pending: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    abort_task: asyncio.Task[None] | None = None


class Workflow:
    async def run(self, signal: asyncio.Event) -> None:
        state = LoopState()
        try:
            await self._loop(state, signal)
        finally:
            await self._cleanup(state)

    async def _loop(self, state: LoopState, signal: asyncio.Event) -> None:
        while state.pending:
            waits = list(state.pending.values())
            if not state.abort_task or state.abort_task.done():
                state.abort_task = asyncio.create_task(self._wait(signal))
            waits.append(state.abort_task)
            done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            if state.abort_task in done:
                return

    async def _wait(self, signal: asyncio.Event) -> None:
        await signal.wait()

    async def _cleanup(self, state: LoopState) -> None:
        tasks = list(state.pending.values())
        if state.abort_task:
            tasks.append(state.abort_task)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
