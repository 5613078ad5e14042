"""tracked-set through the keep-helper: a default argument spawns when the module is loaded.

The function's defaults hold the task, so the original does not lose it (the finding is one
the analysis could grade lower): the fix must only change nothing for the worse."""

import asyncio

from runkit import done, gate

FIX = "tracked-set"
EVIDENCE = "none"
EXPECTED_DONE = 1


async def warm_up() -> None:
    await gate()
    done("warm")


def handler(started=asyncio.ensure_future(warm_up())) -> bool:
    return not started.done()


async def drive_start() -> None:
    assert handler()
