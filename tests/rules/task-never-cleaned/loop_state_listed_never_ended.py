"""Near miss of task-tracked/loop_state_listed_for_cleanup: the cleanup lists the state's tasks
but only counts them; nothing cancels or awaits the abort waiter it keeps."""

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
        print(len(tasks))
