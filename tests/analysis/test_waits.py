"""A wait in a loop (`analysis/obligations/waits.py`): the losers of
`asyncio.wait(..., FIRST_COMPLETED)` are waited again while the loop goes round; what matters
is how the loop can end."""

from __future__ import annotations

import textwrap

import pytest

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.fates import FateKind


def first_fate(code: str) -> tuple[FateKind, bool]:
    analysis = analyse_source(textwrap.dedent(code))
    fate = analysis.fates[0][0]
    return fate.kind, fate.exit_only


UNTIL = """
import asyncio
async def fetch_all(items, send):
    pending = {{asyncio.create_task(fetch(i)) for i in items}}
    while {test}:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            send(task.result())
"""


@pytest.mark.parametrize(("test", "left"), [
    ("pending", False),
    ("len(pending)", False),
    ("len(pending) > 0", False),
    ("len(pending) != 0", False),
    ("len(pending) >= 1", False),
    # the loop can stop with losers still pending, and nothing cancels them
    ("pending and not stopped()", True),
    ("len(pending) > 1", True),
    ("not stopped()", True),
])
def test_waiting_again_until_none_is_left_leaves_nothing(test: str, left: bool) -> None:
    kind, _ = first_fate(UNTIL.format(test=test))
    assert (kind is FateKind.LEFT_RUNNING) is left


@pytest.mark.parametrize("way_out", [
    "if stopped():\n            break",
    "if stopped(): break",
    "if ready():\n            pass\n        elif stopped():\n            return",
])
def test_a_way_out_of_the_wait_loop_leaves_the_losers(way_out: str) -> None:
    code = UNTIL.format(test="pending").replace("for task in done:",
                                                f"{way_out}\n        for task in done:")
    assert first_fate(code)[0] is FateKind.LEFT_RUNNING


WAITER = """
import asyncio
async def watch(device, stop, running):
    waiter = asyncio.create_task(stop.wait())
    while {test}:
        update = asyncio.create_task(device.poll())
        done, _ = await asyncio.wait({{waiter, update}}, return_when=asyncio.FIRST_COMPLETED)
        if update.exception() is not None:
            waiter.cancel()
            return
{after}"""


@pytest.mark.parametrize(("test", "after", "left", "exit_only"), [
    # cancelled only on the way out through the `if`; the loop also ends by its flag
    ("running()", "", True, True),
    ("running()", "    waiter.cancel()\n", False, False),
    # `while True` ends only through the branch that cancels
    ("True", "", False, False),
])
def test_a_waiter_made_before_the_loop_is_cancelled_on_every_way_out(
        test: str, after: str, left: bool, exit_only: bool) -> None:
    kind, marked = first_fate(WAITER.format(test=test, after=after))
    assert (kind is FateKind.LEFT_RUNNING, marked) == (left, exit_only)
