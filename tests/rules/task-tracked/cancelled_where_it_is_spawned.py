"""A task cancelled in the expression that spawns it is ended there. The near miss asks whether
it was cancelled, which ends nothing: the task is dropped running."""

import asyncio
from collections.abc import Awaitable


async def work() -> None:
    await asyncio.sleep(1)


def give_up(result: Awaitable[None]) -> None:
    asyncio.ensure_future(result).cancel()
    raise RuntimeError("the call did not complete synchronously")


def ask() -> bool:
    return asyncio.ensure_future(work()).cancelled()
