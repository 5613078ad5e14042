"""An endless task in a local, ended inside a block after the spawn (an `async with` body, past a
`try` whose handlers catch neither a cancellation nor every error): an error or a cancellation
at an `await` of the block before the end leaves the block, and the function, with the task
running (RUBRIC convention 4); in an `if`, when each end in its branches has such a step.
Near misses: one branch ending it with nothing before, the end first in the block (entering
the `async with` is not counted as a step), the end in a `finally` around the step, the end in
the `try`'s own handler, and a task that finishes by itself (low, the words name the step)."""

import asyncio


class Agent:
    async def __aenter__(self) -> "Agent":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def prompt(self) -> str:
        await asyncio.sleep(0)
        return ""


class Console:
    def __init__(self, agent: Agent) -> None:
        self.agent = agent

    async def _consume(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _once(self) -> None:
        await asyncio.sleep(1)

    async def run(self) -> None:
        consumer = asyncio.create_task(self._consume())  # medium: the prompt may fail
        async with self.agent:
            try:
                while True:
                    line = await self.agent.prompt()
                    if not line:
                        break
            except (KeyboardInterrupt, EOFError):
                pass
            consumer.cancel()

    async def run_branches(self, interactive: bool) -> None:
        consumer = asyncio.create_task(self._consume())  # medium: past a step in each branch
        if interactive:
            await self.agent.prompt()
            consumer.cancel()
        else:
            await self.agent.prompt()
            consumer.cancel()

    async def run_one_branch(self, interactive: bool) -> None:
        # low: one branch ends it with no step before (a claim needs a step before every end
        # of the block: the branch taken is not known)
        consumer = asyncio.create_task(self._consume())
        if interactive:
            await self.agent.prompt()
            consumer.cancel()
        else:
            consumer.cancel()

    async def run_entry_only(self) -> None:
        consumer = asyncio.create_task(self._consume())
        async with self.agent:
            consumer.cancel()

    async def run_finally(self) -> None:
        consumer = asyncio.create_task(self._consume())
        async with self.agent:
            try:
                await self.agent.prompt()
            finally:
                consumer.cancel()

    async def run_handled(self) -> None:
        consumer = asyncio.create_task(self._consume())
        try:
            await self.agent.prompt()
            consumer.cancel()
        except BaseException:
            consumer.cancel()
            raise

    async def run_once(self) -> None:
        job = asyncio.create_task(self._once())
        async with self.agent:
            await self.agent.prompt()
            await job
