"""TL101 task-discarded: the Task a spawn returns is dropped, so nothing keeps it alive."""

from __future__ import annotations

from taskleak.analysis.facts.fates import RETURNED_TASKS, Fate, FateKind
from taskleak.analysis.tree.vocabulary import GATHER, WAIT_FOR
from taskleak.model import FixKind, Risk
from taskleak.rules.base import (
    ASYNCIO_CREATE_TASK_URI,
    RUF006_URI,
    Category,
    Description,
    Rule,
)
from taskleak.rules.texts import KEEP_HELPER_NOTE, WEAK_REFERENCE_REASON

# Why a dropped spawn matters: the same for every finding of a kind, so the human formats print
# it once per run (JSON and SARIF keep it per row, as `because`), never in each message.
DISCARDED_TASK_REASON = (
    "a discarded task is held only weakly by the event loop, so it can vanish mid-run, and "
    "nothing awaits it, so its errors reach only the log")
DISCARDED_FUTURE_REASON = (
    "nothing reads a discarded concurrent Future, so its errors are never logged or raised, "
    "and its Task, held only weakly by the event loop, can vanish mid-run")
DROPPED_AFTER_CALLBACK_REASON = (
    "a done-callback does not keep a task alive: the event loop holds it only weakly, so once "
    "dropped it can vanish mid-run")
NEVER_AWAITED_REASON = (
    "a coroutine runs only when it is awaited or wrapped in a task; a call that calls a "
    "function back drops what it returns, so the coroutine is never awaited and its work never "
    "runs")
WEAKLY_HELD_REASON = (
    "a weak reference owns nothing, so a task held only weakly can be garbage-collected "
    "mid-run, and nothing awaits it, so its errors reach only the log")


def _lost(fate: Fate) -> str:
    """Why the dropped spawn matters, true for its spawner: asyncio logs a dropped Task's error
    ("Task exception was never retrieved"); nothing logs a dropped concurrent Future's."""
    return DISCARDED_FUTURE_REASON if fate.threadsafe else DISCARDED_TASK_REASON


def _describe(fate: Fate) -> Description:
    coro = fate.coroutine
    if fate.kind is FateKind.LOCAL_ONLY:
        claim, shown = _local_only(fate)
        return Description(f"local `{fate.holder}` only", "none", claim, evidence=shown)
    if fate.kind is FateKind.DROPPED_RETURN:
        return _dropped_return(fate)
    if fate.kind is FateKind.NEVER_AWAITED:
        return _called_back_coroutine(fate)
    if fate.kind is FateKind.HANDED_AND_DROPPED:
        return Description(
            f"handed to {fate.callee}(), dropped there", "none",
            f"{coro} is dropped by {fate.callee}()",
            because=_lost(fate), evidence=(f"{fate.callee}() neither keeps nor ends it",))
    if fate.kind is FateKind.HELPER_DROPS:
        return Description(
            f"discarded by {fate.holder}()", "none", f"the task is dropped by {fate.holder}()",
            because=_lost(fate),
            evidence=(f"{fate.holder}() neither keeps nor returns the task it spawns",))
    if fate.kind is FateKind.WEAKLY_HELD:
        return Description(
            f"weakly, by {fate.holder}", "none", f"task {coro} is held only weakly",
            because=WEAKLY_HELD_REASON, evidence=(f"held by {fate.holder}",))
    if fate.kind is FateKind.LOCAL_COLLECTION_DROPPED:
        return _local_collection_dropped(fate, coro)
    if fate.wrapper and fate.kind is FateKind.DISCARDED:
        claim, shown = _wrapper_dropped(fate)
        return Description("discarded", "none", claim, evidence=shown)
    tracked, what, shown = {
        FateKind.DROPPED_AFTER_CALLBACK: (
            "discarded (only add_done_callback)",
            f"{_what(fate)} is dropped after add_done_callback()", ()),
        FateKind.RETURNED_FROM_LAMBDA: (
            "returned from a lambda",
            f"{_what(fate)} is dropped by {fate.callee}()",
            (f"returned from a lambda handed to {fate.callee}(), whose own value is dropped",
             f"{fate.callee}() is no function of the checked code, nor a library known to "
             "keep what a callback returns: an unknown callback registration keeps nothing")
            if fate.registered else
            (f"returned from a lambda that {fate.callee}() calls back",
             f"{fate.callee}() drops what its callback returns")),
        FateKind.CALLED_BACK: (
            "discarded (by the caller of its spawn function)",
            f"{_what(fate)} is dropped by {fate.callee}()",
            (f"made by the spawn function that {fate.callee}() calls back",
             f"{fate.callee}() drops what its callback returns")),
        FateKind.DROPPED_FROM_COMPREHENSION: (
            "discarded (in a comprehension)", f"the {coro} tasks built here are dropped", ()),
    }.get(fate.kind, ("discarded", f"{_what(fate)} is discarded", ()))
    because = (DROPPED_AFTER_CALLBACK_REASON if fate.kind is FateKind.DROPPED_AFTER_CALLBACK
               and not fate.threadsafe else _lost(fate))
    return Description(tracked, "none", what, because=because, evidence=shown)


def _dropped_return(fate: Fate) -> Description:
    """A call that drops the task(s) its callee returns, or a call that calls the callee back
    and drops what it returns (`handed`: `loop.call_soon()`)."""
    if fate.handed:
        return Description(
            f"discarded (by {fate.handed})", "none",
            f"the task {fate.callee}() returns is dropped by {fate.handed}",
            because=_lost(fate),
            evidence=(f"{fate.handed} calls {fate.callee}() back and ignores what it returns",))
    return Description(
        "discarded (returned by the callee)", "none",
        f"the tasks {fate.callee}() returns are discarded here"
        if fate.holder == RETURNED_TASKS else
        f"the task {fate.callee}() returns is discarded here", because=_lost(fate))


def _called_back_coroutine(fate: Fate) -> Description:
    """A coroutine function called back (`loop.call_later(5, self.expire)`), or a coroutine
    object handed as the callback (`handed`)."""
    if fate.handed:
        what = f"{fate.coroutine} is never awaited: {fate.holder}() never runs"
        shown: tuple[str, ...] = (
            f"a coroutine handed to {fate.callee}() as its callback",
            "calling it back raises TypeError")
    else:
        what = f"{fate.holder}() is never awaited: its work never runs"
        shown = (f"{fate.callee}() calls back the coroutine function {fate.coroutine}"
                 if fate.coroutine.rsplit(".", 1)[-1] == fate.holder else
                 f"{fate.callee}() calls back {fate.coroutine}, which runs the coroutine "
                 f"function {fate.holder}()",
                 "that only makes a coroutine, which nothing awaits")
    return Description("never awaited (a coroutine called back)", "none", what,
                       because=NEVER_AWAITED_REASON, evidence=shown)


def _local_collection_dropped(fate: Fate, coro: str) -> Description:
    """A local collection dropped when its function returns: on every way out, or on the way
    round an `if` that every end of it sits in (`only_if`)."""
    claim = f"{coro} is dropped with the local {fate.holder}"
    if fate.only_if:
        return Description(fate.holder, f"{fate.cleanup} only if {fate.only_if}", claim, evidence=(
            f"the local {fate.holder} is {fate.cleanup} only if {fate.only_if}",
            f"otherwise {fate.where} goes on without it and drops the local with the tasks "
            "running"))
    return Description(fate.holder, "none", claim, evidence=(
        f"the local {fate.holder} is dropped when {fate.where} returns",
        "nothing awaits the tasks"))


def _local_only(fate: Fate) -> tuple[str, tuple[str, ...]]:
    """A local dropped when its function returns: on every way out, on the way out by a
    `return` before it is handed on (`skipped`), or round an `if` every end sits in
    (`only_if`). The claim, and what shows it. (An end a `return` skips, or one only in an
    `except` handler, is an end a way out skips: `skippable_ends.ended_on_some_ways`.)"""
    claim = f"{fate.coroutine} is dropped with the local `{fate.holder}`"
    if fate.only_if:
        return claim, (f"`{fate.holder}` is {fate.cleanup} only if {fate.only_if}",
                       f"otherwise {fate.where} goes on without it and drops the local with "
                       "the task running")
    if fate.skipped:
        return claim, (f"a `return` of {fate.where} leaves before it is {fate.skipped}",)
    if fate.held:  # a function that never returns, rebinding the local on each turn
        return claim, (f"`{fate.holder}` is bound to the next turn's task while {fate.held}",
                       "nothing awaits or cancels it")
    return claim, (f"`{fate.holder}` is dropped when {fate.where} returns",
                   "nothing awaits or cancels it")


def _what(fate: Fate) -> str:
    """What a plain dropped spawn drops: a Task, or the concurrent Future of a threadsafe one."""
    if fate.threadsafe:
        return f"the concurrent Future of {fate.coroutine}"
    return f"task {fate.coroutine}"


def _wrapper_dropped(fate: Fate) -> tuple[str, tuple[str, ...]]:
    if fate.wrapper == WAIT_FOR:
        return (f"{fate.wrapper}() of {fate.coroutine} is dropped un-awaited", (
            f"it returns a coroutine, so {fate.coroutine} never runs and nothing sees that it "
            "did not",))
    if fate.wrapper == GATHER:
        what, them = "its coroutines in tasks", "them or sees their"
    else:
        what, them = "it in a task", "it or sees its"
    return (f"{fate.wrapper}() of {fate.coroutine} is discarded",
            (f"it wraps {what} at once, and nothing holds {them} errors",))


RULE = Rule(
    code="TL101",
    name="task-discarded",
    risk=Risk.HIGH,
    category=Category.LOST,
    summary="The Task returned by a spawn is dropped, so nothing keeps it alive.",
    what_it_does="""\
Checks for task spawns whose Task is dropped as soon as it is created:
`asyncio.create_task(...)`, `asyncio.ensure_future(...)`, `loop.create_task(...)`,
`asyncio.run_coroutine_threadsafe(...)` (under any import alias) and the spawners configured in
`[tool.taskleak] spawners`, when the call

- is an expression statement (the result is not used at all);
- has `.add_done_callback(...)` chained on it, which returns `None`, not the Task;
- is made in a callback that asyncio or threading calls back later and whose return value it
  drops (`loop.call_soon`, `call_later`, `call_at`, `call_soon_threadsafe`,
  `add_signal_handler`, `add_reader`/`add_writer`, `add_done_callback`, `threading.Timer`,
  `threading.Thread`): the body of a `lambda` handed to one, or the spawn function itself
  (`loop.call_later(1, loop.create_task, coro)`);
- is the body of a `lambda` handed to a call whose own value is dropped and that is no function
  of the checked code (`signal.signal(...)`, `page.on(...)` of an untyped object, a callback
  collection's `add(...)`, a parameter): an unknown callback registration keeps nothing of
  what its callback returns. Not a finding: a lambda handed to a function or class of the
  checked code (not followed: task-tracked, or task-end-unknown with `--strict`), to a
  registration of pyee's `AsyncIOEventEmitter` (it keeps what a listener returns until done),
  or to a call whose value is used; `context.run(lambda: ...)` returns what the lambda
  returns, and that is followed;
- is made by `map(asyncio.create_task, coros)` and the map's items are dropped;
- never happens: a coroutine function of the module is handed to one of those calls (an asyncio
  loop's, an asyncio Task's or Future's, `threading.Timer`), directly, through
  `functools.partial` or a local (`loop.call_later(30, self.abort)` with `async def abort`), or
  a coroutine object is (`loop.call_later(30, self.abort())`): the callback only makes a
  coroutine that nothing awaits, so the work never runs (no fix: no task exists to keep);
- is bound to a local that is only used for `add_done_callback`, `set_name` or logging and is
  dropped when the function returns; or, in a function that never returns (a `while True`
  listener), bound again to the next task on every turn of a loop, which lets it go;
- is bound to a local that is handed on only after a `return` that can leave first (and no
  `finally` ends it), or ended only inside an `if` the function may skip (`if wait: await t`):
  on that way out the task is dropped while it runs. (One cancelled or awaited after such a
  `return`, or only in an `except` handler, is an end a way out skips: TL201 medium when its
  coroutine runs until cancelled, task-tracked when it ends by itself);
- is put in a local collection that is never gathered, returned or stored;
- is held only weakly: `weakref.ref(task)`, a `weakref.WeakSet`, a `WeakValueDictionary`;
- is a call of a configured spawner whose promise is `drops` (it neither keeps nor returns the
  task): each call loses one, whatever it does with the result. A function of the project that
  spawns what it is given and drops it is reported once, at its own spawn, where the task is
  created and where the fix belongs (one row per place a task is created); its calls are no
  rows. What it is given may also be awaited or called by a function it defines and spawns
  (`async def inner(): await func`); a parameter that function only reads
  (`task.exception()`) is data, not work;
- is what a project function returns that a call like the ones above calls back later
  (`loop.call_soon_threadsafe(self.async_add_job, job)`, where `async_add_job` returns its
  task): the call that calls it back drops it. No fix is offered there: call back a function
  that keeps the task;
- is what `await start()` gives, where `start` is a coroutine function of the project that
  returns the task it spawns, and the `await` is a statement (or the value is dropped another
  way). No fix is offered: the fixes rewrite spawn calls. A call of it that is not awaited runs
  nothing and drops no task.

A dropped `run_coroutine_threadsafe(queue.put(item), loop)` is reported like any other dropped
Future, whatever the queue: a put into an unbounded `asyncio.Queue()` does not fail, but a loop
that stops before running it never runs it, and the dropped Future was the only thing that
could say so.""",
    why_bad=WEAK_REFERENCE_REASON + """

`asyncio.run_coroutine_threadsafe` returns a `concurrent.futures.Future`. Its Task's error is
copied into that Future, and a dropped concurrent Future neither raises nor logs it: no "never
retrieved" line, the failure is lost entirely.""",
    example='''\
import asyncio
import json


class Agent:
    def __init__(self, send) -> None:
        self._send = send

    async def speak(self, message: dict[str, str]) -> None:
        asyncio.create_task(self._send(json.dumps(message)))
''',
    fix_example='''\
import asyncio
import json


class Agent:
    def __init__(self, send) -> None:
        self._send = send
        self._background_tasks: set[asyncio.Task[None]] = set()

    async def speak(self, message: dict[str, str]) -> None:
        task = asyncio.create_task(self._send(json.dumps(message)))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)
''',
    fates=frozenset({
        FateKind.DISCARDED, FateKind.DROPPED_AFTER_CALLBACK, FateKind.RETURNED_FROM_LAMBDA,
        FateKind.CALLED_BACK, FateKind.NEVER_AWAITED,
        FateKind.DROPPED_FROM_COMPREHENSION, FateKind.LOCAL_ONLY, FateKind.LOCAL_COLLECTION_DROPPED,
        FateKind.DROPPED_RETURN, FateKind.HELPER_DROPS, FateKind.HANDED_AND_DROPPED,
        FateKind.WEAKLY_HELD,
    }),
    describe=_describe,
    says_how_often=True,
    fix_kinds=(FixKind.TRACKED_SET, FixKind.TASK_GROUP, FixKind.AWAIT),
    fix_notes="""\
Inside a method of a class with `__init__`, the three-line form keeps the task in a set on the
instance; at module level or in a plain function, in a module-level `_background_tasks`. Neither
is cancelled by the fix: cancelling in a close method changes what the program does (so a
task whose coroutine never ends by itself, kept by the fix, is then reported by
task-never-cleaned: it has no shutdown path until a close cancels it). When the
work is short and the caller can wait (the seeds' websocket send),
the unsafe fix `await self._send(json.dumps(message))` is simpler still.

""" + KEEP_HELPER_NOTE,
    references=(
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
                ("ruff RUF006 asyncio-dangling-task", RUF006_URI),
            ),
    invalid=(
        '''\
import asyncio


async def main() -> None:
    asyncio.create_task(work())
''',
        '''\
import asyncio


def install(loop: asyncio.AbstractEventLoop) -> None:
    loop.add_signal_handler(15, lambda: asyncio.create_task(stop()))
''',
        '''\
import asyncio


async def handle(message: str) -> None:
    task = asyncio.ensure_future(forward(message))
    task.add_done_callback(print)
''',
        '''\
import asyncio


async def fan_out(items: list[str]) -> None:
    tasks = []
    for item in items:
        tasks.append(asyncio.create_task(send(item)))
''',
        '''\
from asyncio import create_task as spawn


async def on_message(message: str) -> None:
    spawn(forward(message)).add_done_callback(print)
''',
    ),
    valid=(
        '''\
import asyncio


async def main() -> None:
    await asyncio.create_task(work())
''',
        '''\
import asyncio

background: set[asyncio.Task[None]] = set()


async def main() -> None:
    task = asyncio.create_task(work())
    background.add(task)
    task.add_done_callback(background.discard)
''',
        '''\
class Todo:
    def add(self, client) -> None:
        client.create_task("buy milk")
''',
    ),
)
