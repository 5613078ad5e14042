"""TL301 task-end-unknown (opt-in, `--strict`): the Task goes where the analysis cannot follow."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind, Hand
from taskleak.model import Risk
from taskleak.rules.base import Category, Description, Rule

# the hand-offs that are followed (`task_tracked.py` words the others)
_FOLLOWED = frozenset({Hand.KEPT, Hand.RETURNED})


def unfollowed(fate: Fate) -> bool:
    """The task was handed to a call, stored, or unpacked, and what happens there is not known:
    no witness says it ends, none says it leaks."""
    if fate.kind is FateKind.PASSED:
        return not fate.ends and fate.hand not in _FOLLOWED
    if fate.kind in (FateKind.LOCAL_HANDED, FateKind.LOCAL_COLLECTION_HANDED):
        return fate.hand is not Hand.RETURNED
    return fate.kind in (FateKind.KEPT_HANDED, FateKind.COLLECTION_HANDED, FateKind.UNPACKED,
                         FateKind.LAMBDA_HANDED)


_UNKNOWN = ("taskleak cannot follow it there, so whether anything ends it is unknown",)


def _describe(fate: Fate) -> Description:
    kind, handed = fate.kind, fate.handed
    if kind is FateKind.PASSED:
        onward = (f"{fate.callee}() hands it on ({handed})",) if handed else ()
        return Description(f"passed to {fate.callee}()", "unknown",
                           f"{fate.coroutine} is handed to {fate.callee}(): not followed",
                           evidence=onward + _UNKNOWN)
    if kind is FateKind.LAMBDA_HANDED:
        return Description(f"returned from a lambda passed to {fate.callee}()", "unknown",
                           f"{fate.coroutine} is returned from a lambda handed to "
                           f"{fate.callee}(): not followed", evidence=_UNKNOWN)
    if kind is FateKind.UNPACKED:
        return Description("unpacked into several names", "unknown",
                           f"{fate.coroutine} is unpacked into several names: not followed",
                           evidence=("taskleak cannot follow it, so whether anything ends it is "
                                     "unknown",))
    where = f"`{fate.holder}`" if kind is FateKind.LOCAL_HANDED else fate.holder
    then = f", then {handed.removesuffix(': not followed')}" if handed else ""
    return Description(f"{where}{then}", "unknown",
                       f"{fate.coroutine} is kept in {where}{then}: not followed",
                       evidence=_UNKNOWN)


RULE = Rule(
    code="TL301",
    name="task-end-unknown",
    risk=Risk.LOW,
    category=Category.UNFOLLOWED,
    default_enabled=False,
    summary="The Task goes where taskleak cannot follow it: whether it ends is unknown.",
    what_it_does="""\
Reports the spawns whose Task is handed to something the analysis cannot follow: a function
or method of another module or object (`registry.add(task)`, `helpers.cancel_and_wait(task)`),
an attribute then handed on, a collection given away, or names the task is unpacked into.
Without this rule they are the informational rows of task-tracked (TL001), with "not
followed" in their words: taskleak makes no claim about them, neither that they leak nor that
they end.

This rule is opt-in, for maximum recall: select it with `--strict` (or
`--extend-select task-end-unknown`, or `extend-select = ["TL301"]` in the configuration). Each
finding is a place to read by hand, not a proven leak: its risk is low, so
`--fail-on low` makes them fail a check.""",
    why_bad="""\
It may not be bad: most callees that receive a Task keep or end it. But a leak hides exactly
where no analysis looks, so a team that wants every spawn accounted for can list these, read
them once, and mark the ones they have checked with `# noqa: TL301` (a reason after it says
why).""",
    example='''\
import asyncio

from registry import add


async def work() -> None:
    await asyncio.sleep(0)


async def start() -> None:
    add(asyncio.create_task(work()))
''',
    fix_example="",
    fix_notes="""\
No fix: what the callee does with the Task is not known, so no change can be proven to keep
the program's behaviour.""",
    fates=frozenset({FateKind.PASSED, FateKind.LOCAL_HANDED, FateKind.LOCAL_COLLECTION_HANDED,
                     FateKind.KEPT_HANDED, FateKind.COLLECTION_HANDED, FateKind.UNPACKED,
                     FateKind.LAMBDA_HANDED}),
    describe=_describe,
    applies=unfollowed,
    precedence=50,  # before task-tracked, which reports the same fates when this is not selected
    invalid=('''\
import asyncio

from registry import add


async def start() -> None:
    add(asyncio.create_task(asyncio.sleep(1)))
''', '''\
import asyncio

import pool


class Service:
    async def start(self) -> None:
        self._task = asyncio.create_task(asyncio.sleep(1))
        pool.adopt(self._task)
'''),
    valid=('''\
import asyncio


def cancel_later(task: asyncio.Task[None]) -> None:
    task.cancel()


async def start() -> None:
    cancel_later(asyncio.create_task(asyncio.sleep(1)))
''', '''\
import asyncio


async def start() -> None:
    task = asyncio.create_task(asyncio.sleep(1))
    await task
'''),
)
