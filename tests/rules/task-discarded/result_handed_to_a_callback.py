"""The near miss of task-tracked/waited_in_a_worker_thread: the bound `result` is handed to
`call_soon`, which runs it later and waits for nothing here; the Future is dropped when the
function returns."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def schedule_on(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, int]) -> None:
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    loop.call_soon(future.result)
