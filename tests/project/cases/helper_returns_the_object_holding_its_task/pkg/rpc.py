"""Functions returning what another module's helper gives, through a helper of their own
module: what they return is an Output, not a task, so a caller dropping it drops no task.
The near miss returns the task `spawn` gives, and its caller drops that."""

import asyncio
from typing import TYPE_CHECKING, Any

from .output import spawn

if TYPE_CHECKING:
    from .output import Output


async def fetch(key: str) -> str:
    return key


def output_value(key: str) -> "Output":
    from .output import Output

    known: asyncio.Future[str] = asyncio.Future()
    known.set_result(key)
    return Output.from_data(known)


def properties(keys: list[str]) -> Any:
    if len(keys) == 1:
        return output_value(keys[0])
    return {}


def resolve(keys: list[str]) -> None:
    properties(keys)
    for key in keys:
        print(properties([key]))


def started(key: str) -> Any:
    return spawn(fetch(key))


def started_first(keys: list[str]) -> Any:
    if keys:
        return started(keys[0])
    return None


def resolve_started(keys: list[str]) -> None:
    started_first(keys)


async def fetched(key: str) -> str:
    # a spawn of the module's own: the module is read in the spawn pass, before the promise
    # of `Output.from_data` is known (pulumi's rpc.py, which awaits `ensure_future(...)`)
    return await asyncio.ensure_future(fetch(key))
