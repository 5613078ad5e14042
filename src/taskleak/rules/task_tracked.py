"""TL001 task-tracked: the Task is kept and cleaned up (informational: the green rows)."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, said_of_the_end
from taskleak.analysis.obligations.forgetting_helpers import only_prunes
from taskleak.model import Risk
from taskleak.rules.base import (
    ASYNCIO_TASKGROUP_URI,
    Category,
    Description,
    Rule,
    Verdict,
)
from taskleak.rules.task_end_unknown import RULE as UNFOLLOWED
from taskleak.rules.texts import kept_by


def _run_by_ioloop(fate: Fate) -> Description:
    """What tornado's IOLoop does with a coroutine function it calls back (`library_facts.py`):
    an `async def`'s task kept until done; a `gen.coroutine`'s Future, its error logged."""
    if fate.kind is FateKind.FUTURE_RUN_BY_IOLOOP:
        return Description(f"run by {fate.callee}() until done", "error logged",
                           f"{fate.holder} runs until it is done, its error logged by the IOLoop",
                           evidence=(
                               f"{fate.holder} is a tornado coroutine function: it starts when "
                               "called and gives a Future, which keeps its run going",
                               f"{fate.callee}() logs the Future's error (tornado's "
                               "`IOLoop._run_callback`, `add_future`); nothing cancels it"))
    return Description(f"kept by {fate.callee}() until done", "pruned when done",
                       f"{fate.holder} is kept by the IOLoop until it is done", evidence=(
                           f"{fate.callee}() runs the coroutine function {fate.holder} as "
                           "a task",
                           "the IOLoop keeps it until it is done and logs its error "
                           "(tornado's `IOLoop._pending_tasks`, since 6.3); nothing "
                           "cancels it"))


def _left_at_timeout(fate: Fate) -> Description:
    """A task a wait leaves only at its timeout: to finish by itself, or not followed (low
    either way; the words say which)."""
    if fate.run_unfollowed:
        return Description(fate.holder, "left at the timeout, not followed",
                           f"waited by {fate.callee}; at its timeout {fate.coroutine} is left "
                           "running, and whether it ends by itself is not followed", evidence=(
                               fate.left, "nothing cancels it after the wait",
                               fate.run_unfollowed))
    return Description(fate.holder, "left to finish by itself at the timeout",
                       f"waited by {fate.callee}; at its timeout {fate.coroutine} is left to "
                       "finish by itself", evidence=(
                           fate.left, "nothing cancels it after the wait",
                           "its function ends by itself: it has no loop that only a cancel "
                           "ends"))


def _describe(fate: Fate) -> Description:
    kind = fate.kind
    if kind in _FIXED:
        return _FIXED[kind]
    if kind is FateKind.LEFT_AT_TIMEOUT:  # RUBRIC convention 7 (`race_fates._left`)
        return _left_at_timeout(fate)
    if kind is FateKind.STRUCTURED:
        return Description(f"structured ({fate.group})", "awaited by the task group",
                           f"spawned in task group `{fate.group}`, which awaits it on exit")
    if kind is FateKind.GATHERED and fate.cleanup:  # a wait that leaves it to a runner's end
        return Description(f"passed to {fate.callee}()", fate.cleanup,
                           f"passed to {fate.callee}(), {fate.cleanup}")
    if kind is FateKind.GATHERED:
        return Description(f"passed to {fate.callee}()",
                           "gathered" if fate.awaited else f"handed to {fate.callee}()",
                           f"passed to {fate.callee}(), which waits for it")
    if kind is FateKind.HELPER_KEEPS:
        how = fate.cleanup or "it keeps the task and ends it"
        # a done-callback's prune forgets a finished task: it keeps it, and ends nothing
        keeps = "keeps it until it is done" if only_prunes(fate.ends) else "keeps and ends it"
        how_given = "spawned by" if fate.own_work else "handed to"
        return Description(kept_by(fate.holder), how,
                           f"{how_given} {fate.holder}(), which {keeps}", evidence=(how,))
    if kind is FateKind.PASSED and fate.cleanup:  # a function of this module, followed
        return Description(f"passed to {fate.callee}()", fate.cleanup,
                           f"handed to {fate.callee}(), where it is {fate.cleanup}")
    if kind is FateKind.PASSED and fate.handed:
        does = ("keeps it" if fate.hand is Hand.KEPT
                else "returns it" if fate.hand is Hand.RETURNED
                else f"hands it on ({fate.handed}): not followed")
        return Description(f"passed to {fate.callee}()", f"up to {fate.callee}()",
                           f"handed to {fate.callee}(), which {does}")
    if kind is FateKind.RUN_AND_JOINED:
        return Description(f"run by {fate.callee}()", "waited for", (
            f"{fate.callee}() runs the coroutine function {fate.holder} as a task; "
            f"{fate.cleanup}"))
    if kind is FateKind.ENDS_WITH_ITS_LOOP:
        return Description(f"runs on {fate.holder}", "ends with its loop", (
            f"its concurrent Future is dropped, but {fate.cleanup}, the loop it runs on: "
            "it ends with that loop"))
    if kind in (FateKind.RUN_BY_IOLOOP, FateKind.FUTURE_RUN_BY_IOLOOP):
        return _run_by_ioloop(fate)
    if kind is FateKind.LAMBDA_HANDED:
        return Description(f"returned from a lambda passed to {fate.callee}()", "not followed",
                           f"returned from a lambda handed to {fate.callee}(): not followed, "
                           "so no claim is made about its end")
    if kind is FateKind.PASSED:
        return Description(f"passed to {fate.callee}()", "not followed",
                           f"handed to {fate.callee}(): not followed, no claim is made")
    return _kept(fate)


_FIXED = {
    FateKind.AWAITED: Description("awaited at once", "awaited", "awaited where it is spawned"),
    FateKind.CANCELLED: Description("cancelled at once", "cancelled",
                                    "cancelled where it is spawned"),
    FateKind.RETURNED: Description("returned to the caller", "caller's job",
                                   "returned to the caller, which is responsible for it"),
    FateKind.UNPACKED: Description("unpacked into several names", "unknown",
                                   "unpacked into several names; not followed further"),
}


def _kept(fate: Fate) -> Description:
    """Kept somewhere, and ended or handed on."""
    kind, holder, cleanup, handed = fate.kind, fate.holder, fate.cleanup, fate.handed
    if kind is FateKind.LOCAL_CLEANED and fate.skipped_by:  # only late on the other ways out
        # (a way out that misses the end altogether, `ended_on_some_ways`, or a step before it)
        some = bool(fate.skipped or fate.only_on_error)
        return Description(f"local `{holder}`", f"{cleanup} on " + (
            "some ways out" if some else "the normal way out"), (
            f"kept in `{holder}` and {cleanup}; if {fate.function}() {fate.skipped_by}"
            f"{'' if some else ' first'}, it is left running with nothing holding it"))
    if kind is FateKind.LOCAL_CLEANED:
        return Description(f"local `{holder}`", cleanup, f"kept in `{holder}` and {cleanup}")
    if kind is FateKind.LOCAL_HANDED:
        up_to = "caller's job" if fate.hand is Hand.RETURNED else \
            f"up to {handed.removeprefix('passed to ')}"
        return Description(f"local `{holder}`, {handed}", up_to, f"kept in `{holder}` and {handed}")
    if kind is FateKind.STORED_CLEANED:
        return Description(f"local `{holder}`, stored in {fate.stored_in}", cleanup,
                           f"kept in {fate.stored_in} and {cleanup}")
    if kind is FateKind.KEPT_CLEANED and fate.overwrite_unfollowed:
        stores = fate.overwrite_unfollowed
        return Description(holder, cleanup, f"stored in {holder} and {cleanup}", evidence=(
            f"{stores}() ends it before storing a new task there on some paths only: whether "
            "the task it replaces on the others still runs turns on a condition that was not "
            "followed",))
    if kind is FateKind.KEPT_CLEANED:
        return Description(holder, cleanup, f"stored in {holder} and {cleanup}")
    if kind is FateKind.KEPT_HANDED:
        return Description(holder, f"{handed}: not followed",
                           f"stored in {holder}, then {handed}: not followed, so no claim is "
                           "made about its end")
    if kind is FateKind.COLLECTION_CLEANED:
        said = said_of_the_end(fate)
        return Description(holder, said, f"kept in {holder} and {said}")
    if kind is FateKind.LOCAL_COLLECTION_HANDED:
        return Description(f"{holder}, {handed}", "up to the receiver",
                           f"kept in {holder}, then {handed}")
    if fate.hand is Hand.RETURNED:  # COLLECTION_HANDED: `close()` returns the tasks it started
        return Description(holder, handed, f"kept in {holder}")
    return Description(holder, f"{handed}: not followed", f"kept in {holder}, then {handed}: "
                       "not followed, so no claim is made about its end")


def not_followed(fate: Fate, strict: bool) -> Verdict:
    """The verdict on a spawn whose argument is not followed (`Fate.unresolved`): it makes a
    task only if that value is a coroutine, which nothing here tells, so the row claims no
    leak (TL001; TL301 where the opt-in rule is selected)."""
    value = fate.unresolved
    return Verdict(
        UNFOLLOWED if strict else RULE, Risk.LOW, "not followed", "unknown",
        f"what `{value}` holds is not followed: no claim is made", evidence=(
            f"a task is made only if `{value}` holds a coroutine",))


RULE = Rule(
    code="TL001",
    name="task-tracked",
    risk=Risk.LOW,
    category=Category.INFORMATIONAL,
    summary="The Task is kept and cleaned up (informational).",
    what_it_does="""\
Reports, for completeness, every task spawn that is handled well: awaited at once (or cancelled
there: `asyncio.ensure_future(result).cancel()`), returned to the caller, passed on, gathered or
waited, stored and cancelled on shutdown, kept in a collection that prunes itself, or a
structured spawn (`asyncio.TaskGroup.create_task`, anyio/trio `start_soon`/`start`). A task a
close method starts as its shutdown work and keeps in an attribute, left to end by itself with
a done-callback that reads its outcome (`.result()` or `.exception()`), is tracked too: it is
the close itself, and cancelling it on close would stop the shutdown. A call of a function of
the project that spawns a task and keeps and ends it (`self._start_idle_timer()`) is no row:
the task is created in that function, whose spawn is the row (one row per place a task is
created); a configured spawner's call (`hass.async_create_task(...)`) creates its task at the
call, and is one. An `async def` of the module, or a function decorated `tornado.gen.coroutine`,
handed to `add_callback`, `spawn_callback`, `add_callback_from_signal`, `add_future`,
`call_later`, `call_at` or `add_timeout` of tornado's IOLoop
(`IOLoop.current()`, a constructor, an annotated parameter or attribute, an untyped parameter's
made default: `loop or IOLoop.current()`, traitlets' `Instance(IOLoop)`, an attribute a base class
in another module of the run holds) is a spawn tracked by
the IOLoop: tornado runs the coroutine as a task, keeps it until it is done and logs its error
(`IOLoop._pending_tasks`, since tornado 6.3); a `gen.coroutine` starts when called and gives a
Future that keeps its run going, whose error the IOLoop logs (tornado's documented
fire-and-forget path). Nothing cancels either: one that never ends by itself (an endless
`while`) is task-never-cleaned, medium. When the function is nested in
the spawning function and sets, in a `finally`, an event that function waits on (tornado's
`sync()`), the row says it is waited for. A future of `run_coroutine_threadsafe(coro, loop)`
dropped by a function that then joins a thread and closes that loop (a loop thread's
`shutdown()`) ends with the loop: a loop closes only once it has stopped. A task kept in an
attribute whose done-callback (a function of the module) sets that attribute back to `None` is
let go once it ends, when its coroutine ends by itself. A task kept in a local and ended only
after a step where its function can be left by an error or a cancellation (an `await`, an
`async for`/`async with`, a `raise`), with no `finally` or `except` ending it, is tracked when it
ends by itself, and the row names that step: on that way out it is left running with nothing
holding it (one that runs until cancelled is task-never-cleaned). A spawn by `ensure_future`,
`shield`, `gather` or `wait_for` of a value that is not followed is listed here too, with what
was not followed: it makes a task only if that value is a coroutine (a Future is returned as it
is), so no claim is made about it. So is a task kept in a collection attribute that no class of
the project in its object's tree binds (`self._tasks.append(...)` with no `self._tasks = ...`),
under a base class imported from a package outside the checked code: that base binds it, and
its methods, which may end it, are not read. These are the green rows of the report; they never
fail the gate unless `fail-on = "low"`.""",
    why_bad="""\
It is not bad: the row shows that the task was looked at and found tracked and cleaned, so the
report covers every spawn in the code base, like the seeds' hand-made scan table.""",
    example='''\
import asyncio


async def fetch(url: str) -> str:
    await asyncio.sleep(0)
    return url


async def fetch_all(urls: list[str]) -> list[str]:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(url)) for url in urls]
    return [task.result() for task in tasks]
''',
    fix_example="",
    fates=frozenset({
        FateKind.STRUCTURED, FateKind.AWAITED, FateKind.CANCELLED, FateKind.RETURNED,
        FateKind.GATHERED, FateKind.PASSED, FateKind.LAMBDA_HANDED, FateKind.UNPACKED,
        FateKind.LOCAL_CLEANED, FateKind.LOCAL_HANDED,
        FateKind.STORED_CLEANED, FateKind.KEPT_CLEANED, FateKind.KEPT_HANDED,
        FateKind.COLLECTION_CLEANED, FateKind.LOCAL_COLLECTION_HANDED, FateKind.COLLECTION_HANDED,
        FateKind.HELPER_KEEPS, FateKind.RUN_BY_IOLOOP, FateKind.FUTURE_RUN_BY_IOLOOP,
        FateKind.RUN_AND_JOINED,
        FateKind.ENDS_WITH_ITS_LOOP, FateKind.LEFT_AT_TIMEOUT,
    }),
    describe=_describe,
    fix_notes="Nothing to fix.",
    references=(
                ("asyncio task groups", ASYNCIO_TASKGROUP_URI),
            ),
    invalid=(
        '''\
import asyncio


async def fetch_all(urls: list[str]) -> None:
    async with asyncio.TaskGroup() as group:
        for url in urls:
            group.create_task(fetch(url))
''',
        '''\
import asyncio


async def main() -> None:
    task = asyncio.create_task(work())
    try:
        await other()
    finally:
        task.cancel()
''',
        '''\
import asyncio


def start(coro) -> "asyncio.Future[None]":
    return asyncio.ensure_future(coro)
''',
    ),
    valid=(
        '''\
import asyncio


async def main() -> None:
    asyncio.create_task(work())
''',
    ),
)
