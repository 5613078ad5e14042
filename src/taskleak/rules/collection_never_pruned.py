"""TL202 collection-never-pruned: Tasks go into a collection that nothing prunes, awaits or
cancels."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.model import FixKind, Risk
from taskleak.rules.base import (
    ASYNCIO_CREATE_TASK_URI,
    Category,
    Description,
    Rule,
)


def _describe(fate: Fate) -> Description:
    if fate.kind is FateKind.PRUNED_ON_SUCCESS:
        return Description(
            fate.holder, f"only when {fate.callee} succeeds",
            f"{fate.holder} keeps a task of {fate.coroutine} that fails or is cancelled",
            evidence=(f"{fate.coroutine} removes its entry only at the end of its body, not in "
                      "a finally",))
    if fate.caller_unknown:  # its owner, the caller, is not known
        return Description(
            fate.held_in, "none",
            f"{fate.coroutine} is kept in {fate.holder}, never pruned",
            evidence=("the caller passed the collection in, and no caller that owns it was "
                      "found", "nothing here prunes, awaits or cancels its tasks"))
    pruned = (f"its removals in {fate.others_pruned} never take out this task: what they "
              "remove only ever holds another spawn's task or None") if fate.others_pruned \
        else "nothing prunes, awaits or cancels its tasks"
    return Description(
        fate.holder, "none", f"{fate.holder} only grows",
        evidence=(pruned,) + ((fate.witness,) if fate.witness else ()))


RULE = Rule(
    code="TL202",
    name="collection-never-pruned",
    risk=Risk.MEDIUM,
    category=Category.UNENDED,
    summary="Tasks are added to a collection that is never pruned, awaited or cancelled.",
    what_it_does="""\
Checks for Tasks added to a collection kept on an instance or a module (`self._tasks.add(task)`,
`.append(task)`, `tasks[key] = task`, a list literal or comprehension) when nothing removes
finished tasks from it (`discard`, `remove`, `pop`, `clear`, `del`, a done-callback such as
`task.add_done_callback(self._tasks.discard)`, a rebuild that drops done tasks), gathers or waits
it, or cancels its elements. A task that removes its own entry at the end of its body, not in a
`finally`, is reported too, even when something cancels it: when it fails or is cancelled, the
entry stays. A removal of what only ever holds another spawn's task (each method's worker
removing its own `task`) prunes none of this one's, nor does a done-callback prune registered
on another task (`receipt.add_done_callback(self._pending.discard)` for a delivery added beside
it). A done-callback that removes it through a parameter whose default is the collection
(`def done(t, _tasks=self._tasks): _tasks.remove(t)`) prunes it. A collection the object's
constructor is given and binds to the attribute, its one binding (`self.closing_tasks =
closing_tasks`), is its caller's: what the callers that construct it do with the collection they
pass ends or prunes it. An object of a class
(`self._tm = TaskManager()`, not annotated as a collection) is no collection: its `add(task)` is a
method the task is handed to, followed as such. A collection no class of the project in the
object's tree binds, under a base class imported from a package outside the checked code
(`class Motor(IsDaemon)` appending to `self._tasks`), is that base's: its methods are not read,
so no claim is made (task-tracked, "left to its base class ..., which is not read"). So for a
collection a function is passed (`def register(background): background.add(task)`) by callers
none of which the checked code holds, a library's user or a call not resolved: who owns it, and
whether it ends its tasks, is not followed (task-tracked, "passed in by a caller not found in
the checked code").""",
    why_bad="""\
The collection keeps every task alive, which is half of the cure, but it also keeps every
*finished* task alive, with its result or exception and everything its coroutine referenced. A
collection fed once per message or per connection grows without bound: a slow memory leak that
only shows after days. And since nothing cancels its tasks, the running ones outlive their owner
just like an untracked task would.""",
    example='''\
import asyncio


class MessageQueue:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        task = asyncio.create_task(self._forward(message))
        self._tasks.add(task)

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)
''',
    fix_example='''\
import asyncio


class MessageQueue:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        task = asyncio.create_task(self._forward(message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)
''',
    fates=frozenset({
        FateKind.COLLECTION_GROWS, FateKind.PRUNED_ON_SUCCESS,
    }),
    describe=_describe,
    says_how_often=True,
    fix_kinds=(FixKind.DISCARD_CALLBACK,),
    fix_notes="""\
taskleak adds the `discard` done-callback to sets only; for a list or a dict, prune it by hand
(or switch to a set). Cancelling the collection's tasks on shutdown is still up to you.""",
    references=(
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
            ),
    invalid=(
        '''\
import asyncio


class Forwarder:
    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []

    async def on_message(self, message: str) -> None:
        self._tasks.append(asyncio.create_task(self._forward(message)))
''',
        '''\
import asyncio
from collections.abc import Coroutine
from typing import Any

running = set()


def schedule(coro: Coroutine[Any, Any, None]) -> None:
    running.add(asyncio.ensure_future(coro))
''',
    ),
    valid=(
        '''\
import asyncio

running: set[asyncio.Task[None]] = set()


def schedule(coro) -> None:
    task = asyncio.ensure_future(coro)
    running.add(task)
    task.add_done_callback(running.discard)
''',
        '''\
import asyncio


class Forwarder:
    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []

    async def on_message(self, message: str) -> None:
        self._tasks.append(asyncio.create_task(self._forward(message)))

    async def flush(self) -> None:
        await asyncio.gather(*self._tasks)
        self._tasks.clear()
''',
    ),
)
