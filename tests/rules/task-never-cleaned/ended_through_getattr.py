"""Tasks cancelled through `getattr(self, name)`: by a loop over the attributes' names, or by a
name computed at run time (not followed: perhaps this one, so no claim that nothing ends it).
The near miss: an attribute the loop's names leave out is never ended."""

import asyncio


class Vacuum:
    def __init__(self) -> None:
        self._timeout_task: asyncio.Task[None] | None = None
        self._command_task: asyncio.Task[None] | None = None
        self._status_task: asyncio.Task[None] | None = None

    def go(self) -> None:
        self._timeout_task = asyncio.create_task(asyncio.sleep(5))
        self._command_task = asyncio.create_task(asyncio.sleep(5))
        self._status_task = asyncio.create_task(asyncio.sleep(5))

    def cancel_goto(self) -> None:
        current = asyncio.current_task()
        for task_name in ("_timeout_task", "_command_task"):
            if (task := getattr(self, task_name)) is not None:
                if task is not current:
                    task.cancel()
                setattr(self, task_name, None)


class Timers:
    def __init__(self) -> None:
        self._flush: asyncio.Task[None] | None = None

    def arm(self) -> None:
        self._flush = asyncio.create_task(asyncio.sleep(5))

    def disarm(self, name: str) -> None:
        getattr(self, name).cancel()
