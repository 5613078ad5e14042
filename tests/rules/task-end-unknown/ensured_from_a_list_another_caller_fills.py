"""Near miss of task-never-cleaned/ensured_from_a_list_of_coroutines_left_by_a_timeout: the list
is written out, but a parameter's awaitable is appended to it, so what each `fut` is (a
coroutine, or a task or future the caller made) is not known here: no claim is made."""

import asyncio
from collections.abc import Awaitable
from typing import Any


class Player:
    def __init__(self) -> None:
        self._state = asyncio.Event()

    async def connect(self, extra: Awaitable[Any], timeout: float) -> None:
        futures = [self._state.wait()]
        futures.append(extra)
        ensured = [asyncio.ensure_future(fut) for fut in futures]
        _, pending = await asyncio.wait(ensured, timeout=timeout)
        if pending:
            raise asyncio.TimeoutError
