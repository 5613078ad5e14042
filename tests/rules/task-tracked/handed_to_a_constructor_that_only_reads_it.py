"""The near miss of task-never-cleaned's `handed_to_a_constructor_that_keeps_it`: the
constructor reads the task (its name, for a label) but keeps nothing of it, and the caller
awaits the task itself. Nothing is transferred: the caller's local is what counts, awaited:
low."""

import asyncio


class Label:
    def __init__(self, task: "asyncio.Task[None]") -> None:
        self.text = task.get_name()


class Runner:
    async def _turn(self) -> None:
        await asyncio.sleep(1)

    async def run_turn(self) -> str:
        task = asyncio.create_task(self._turn())
        label = Label(task)
        await task
        return label.text
