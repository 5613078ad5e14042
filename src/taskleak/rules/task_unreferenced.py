"""TL102 task-unreferenced: the Task is bound to a name that is never read again."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.model import FixKind, Risk
from taskleak.rules.base import (
    ASYNCIO_CREATE_TASK_URI,
    RUF006_URI,
    Category,
    Description,
    Rule,
)
from taskleak.rules.texts import KEEP_HELPER_NOTE, WEAK_REFERENCE_REASON


def _describe(fate: Fate) -> Description:
    lost = (f"kept only while {fate.held}; nothing awaits or cancels it and its errors are "
            "never read",) if fate.held else (
        "the task can be garbage-collected mid-run and its errors are lost",)
    return Description(
        f"bound to `{fate.holder}`, never read", "none",
        f"{fate.coroutine} is bound to `{fate.holder}`, which is never read", evidence=lost)


RULE = Rule(
    code="TL102",
    name="task-unreferenced",
    risk=Risk.HIGH,
    category=Category.LOST,
    summary="The Task is bound to a name that is never read again.",
    what_it_does="""\
Checks for task spawns whose Task is bound to a name that is never read again:
`task = asyncio.create_task(...)` with no later use of `task`, `_ = asyncio.create_task(...)`,
or a walrus `(task := asyncio.create_task(...))` whose name is unused; also in a function that
does not return while the task runs (`_ = loop.create_task(...)` before `loop.run_forever()`),
where the name is a reference nothing reads: every local binding ruff's RUF006 flags. Also
`_ = f(...)` of a function or method of the project that returns a task it does not keep:
the row is at that call, as for a bare `f(...)` (task-discarded).""",
    why_bad=WEAK_REFERENCE_REASON + """

Binding the Task to `_` or to an unused local silences other linters (ruff's RUF006), but the
local disappears when the function returns, and with it the only strong reference.""",
    example='''\
import asyncio


async def forward(message: str) -> None:
    await asyncio.sleep(0)


async def on_message(message: str) -> None:
    task = asyncio.create_task(forward(message))
''',
    fix_example='''\
import asyncio

_background_tasks: set[asyncio.Task[None]] = set()


async def forward(message: str) -> None:
    await asyncio.sleep(0)


async def on_message(message: str) -> None:
    task = asyncio.create_task(forward(message))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
''',
    fates=frozenset({
        FateKind.NEVER_READ,
    }),
    describe=_describe,
    says_how_often=True,
    fix_kinds=(FixKind.TRACKED_SET, FixKind.TASK_GROUP, FixKind.AWAIT),
    fix_notes="""\
The tracked-set fix keeps the existing name and adds the Task to a set that prunes itself (a
module-level `_background_tasks` here, an instance set inside a class).

""" + KEEP_HELPER_NOTE,
    references=(
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
                ("ruff RUF006 asyncio-dangling-task", RUF006_URI),
            ),
    invalid=(
        '''\
import asyncio


async def on_message(message: str) -> None:
    task = asyncio.create_task(forward(message))
''',
        '''\
import asyncio


async def start() -> None:
    _ = asyncio.create_task(serve())
''',
        '''\
import asyncio


async def main() -> None:
    if (task := asyncio.create_task(work())) is None:
        return
''',
    ),
    valid=(
        '''\
import asyncio


async def main() -> None:
    task = asyncio.create_task(work())
    await task
''',
        '''\
import asyncio


def start() -> "asyncio.Task[None]":
    task = asyncio.create_task(work())
    return task
''',
    ),
)
