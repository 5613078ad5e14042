"""Whether a store into an attribute (a global, a dotted holder) replaces a task that still runs:
the function that stores is entered again (`lifecycle.py`, `reentry.py`) with the task it stored
last not ended on the way to the store (`liveness.py`), no guard in front of it (nor a state
its path leaves, set back only along a chain started once: `state_guards.py`), no end in
another method that runs per event in between (`caller_waits.py`).

What one module cannot tell, it exports (`Respawn.overwrites`): a store over a live task whose
callers, or whose ends, are in other modules; the join decides (`project/reentry.py`).
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.frequency.caller_waits import ended_per_event, not_again
from taskleak.analysis.frequency.fresh_objects import on_an_object_made_first
from taskleak.analysis.frequency.lifecycle import Frequency, Lifecycle
from taskleak.analysis.frequency.reentry import reentering_task
from taskleak.analysis.frequency.sessions import per_session
from taskleak.analysis.frequency.signalled_ends import signalled_as_it_ends
from taskleak.analysis.frequency.state_guards import state_guard
from taskleak.analysis.frequency.task_rounds import called_back_by_its_task
from taskleak.analysis.obligations.coroutines import asks_for_its_successor, runs_until_cancelled
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.guards import ending_methods, guard
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.keys import key_parameter, on_a_local_object, per_client_key
from taskleak.analysis.obligations.liveness import FunctionGraphs, ending_calls, live_at
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.nodes import failing_step, statements_after
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Occurrence, Scope
from taskleak.analysis.tree.turns import loop_targets, new_on_each_turn, objects_anew
from taskleak.analysis.tree.walk import descendants
from taskleak.records import record


@record(frozen=True)
class Respawn:
    """What the store at a spawn does to the task its holder held."""

    often: Frequency  # how often the storing function runs (its callers' excuses weighed)
    again: bool  # a loop of the function comes round to the store with its own task not ended
    # entered again over a live task: a re-spawn once some end of the holder is known
    respawns: bool
    # a store over a live task, whose re-entry (or end) other modules may show
    overwrites: bool
    repeats_here: bool  # ... and its own module saw it entered again: only the end is elsewhere
    # the loop around the store goes round once per session, not per message (`sessions.py`)
    per_session: bool = False
    # the function that stores, when it ends the holder before the store on some paths only:
    # whether the store replaces a live task was not followed
    unfollowed: str = ""
    # `job.task` with `job` the storing function's parameter: its 1-based place among a call's
    # arguments (a caller giving a new object there on each turn stores over nothing: the join)
    argument: int = 0


def respawn(site: CallSite, holder: Holder, eff: Effects, guarded: str, lifecycle: Lifecycle,
            graphs: FunctionGraphs, ownership: Ownership) -> Respawn:
    """The re-spawn facts of the store at `site` into `holder` (`eff`: its effects; `guarded`:
    what keeps the spawn from replacing a live task, `guards.py`)."""
    fn = site.scope.method()
    ends = eff.cancel_reads + eff.await_reads
    # ended (or found empty, or handed to a call not followed: no claim) on every path
    # from the function's entry to the store
    live = live_at(site, frozenset({holder.key}), ends + eff.gather_reads + eff.handed_reads,
                   graphs)
    # an end on some paths to the store and not on others: which path runs turns on a
    # condition not followed (`if connected: await self._reset()`), so no overwrite is claimed
    unfollowed = live is not None and live.earlier and live.stopped
    before = live is None or not live.earlier or unfollowed  # (not followed: no claim)
    gives = any(o.scope.method() is fn for o in eff.return_reads)  # the task, to callers
    excused = _on_new_objects(not_again(holder.key, ends, gives, ownership, lifecycle, fn,
                                        site), holder, fn, ending_methods(ends))
    param = _object_parameter(holder, fn)
    excusing = excused if not param or fn is None else _given_anew(excused, fn, param,
                                                                   lifecycle)
    often = lifecycle.of(site.scope, excusing)
    # a reconnect chain back from a task it starts, over a task that runs until cancelled (one
    # that ends by itself ends as its connection does: RUBRIC conventions 4 and 5)
    if not often.repeats and fn is not None and runs_until_cancelled(site):
        chained = _on_new_objects(not_again(holder.key, ends, gives, ownership, lifecycle, fn,
                                            site, flags=False), holder, fn, ending_methods(ends))
        chained = chained if not param else _given_anew(chained, fn, param, lifecycle)
        often = called_back_by_its_task(fn, lifecycle, chained) or often
    again = live is not None and live.own
    # not when the task it replaces is the one running now, about to finish (graph if asked)
    repeats = (again or often.repeats) and not asks_for_its_successor(
        site, often.origin, lifecycle.call_reads, graphs) and not (
        often.origin is not None and fn is not None and signalled_as_it_ends(
            site, lifecycle.call_reads(often.origin.method() or often.origin, fn),
            ownership.module, graphs))
    # the function waits for it, or ends it on every way out: the next call finds it finished
    # (not a call from a task the function starts, which runs while the function still waits)
    waited = any(o.scope is site.scope and o.seq > site.seq for o in eff.await_reads) or (
        ended_on_its_way_out(site, ends) and fn is not None
        and reentering_task(lifecycle.started_by(fn), often.origin) is None)
    over_live = (again or not before) and not guarded \
        and not on_a_local_object(holder, site.scope) and not holder.made and not waited \
        and not state_guard(site, lifecycle)  # (behind a state its path leaves)
    per_event_end = ended_per_event(lifecycle, fn, ends, often.origin)
    respawns = repeats and over_live and not per_event_end
    overwrites = over_live and holder.kind in (Keeper.ATTRIBUTE, Keeper.DOTTED) and not again \
        and not per_event_end and (repeats or not often.repeats)
    return Respawn(often, again, respawns, overwrites, overwrites and repeats,
                   bool(site.loops) and per_session(site),
                   fn.name if unfollowed and not again and fn is not None else "",
                   _place(fn, param) + 1 if overwrites and param and fn is not None else 0)


def ended_on_its_way_out(site: CallSite, ends: list[Occurrence]) -> bool:
    """The function that stores ends the task on every way out after the store: a `finally`
    ends it (a cancel or an await of the holder, or a call of a method of its class that does:
    `finally: self._cancel_ping()`), and the store is in that `try`'s body or comes just before
    it with no step between that may fail or return. A call that comes after this one has
    returned finds the task ended; one from a task the function starts comes while it still
    waits (`respawn` does not count it), and one that runs beside it per event may still
    overwrite it, as a store followed by a wait may (`respawn`'s `waited`)."""
    fn = site.scope.method()
    if fn is None:
        return False
    calls = ending_calls(fn, ends)
    finals = {id(n) for o in (*ends, *(o for o in fn.occurrences if o.seq in calls))
              if o.scope is site.scope for n in o.path if isinstance(n, cst.Finally)}
    if not finals:
        return False
    for above, below in zip(site.path, site.path[1:], strict=False):
        if isinstance(above, cst.Try) and below is above.body and above.finalbody is not None \
                and id(above.finalbody) in finals:
            return True
    for statement in statements_after((*site.path, site.node)):
        if isinstance(statement, cst.Try) and statement.finalbody is not None \
                and id(statement.finalbody) in finals:
            return True
        if failing_step(statement) is not None or any(
                isinstance(n, cst.Return) for n in descendants(statement)):
            return False
    return False


# whose keyed store over a live task other modules' callers may run again (`project/`)
ASKED_KEEPERS = (Keeper.PARAMETER, Keeper.GLOBAL, Keeper.ATTRIBUTE)


def key_overwrites(site: CallSite, holder: Holder, eff: Effects,
                   target: cst.BaseExpression | None, fn: Scope, lifecycle: Lifecycle,
                   graphs: FunctionGraphs, ownership: Ownership) -> tuple[bool, bool]:
    """(whether the spawn runs again, whether a run overwrites an entry of `holder` whose task
    may still run): like an attribute re-spawned, the same key comes again (another message
    from the same client, the next iteration) and the old task is not read or cancelled first,
    nor kept out by a guard in front of the spawn (`guards.py`). A caller that ends an entry
    first (`old = self._workers.pop(job.name, None); old.cancel()`, then `self._add(job)`) or
    tests the holder runs it over no live task: its calls do not count."""
    keys = frozenset({holder.key})
    # the entry ended, emptied or found empty on every path from the function's entry
    live = live_at(site, keys, eff.cancel_reads + eff.await_reads + eff.gather_reads
                   + eff.prune_reads + eff.handed_reads, graphs)
    # (an end on some paths only: not followed, as for an attribute, `respawn`)
    before = live is None or not live.earlier or live.stopped
    ends = eff.cancel_reads + eff.await_reads
    excused = not_again(holder.key, ends, False, ownership, lifecycle, fn, site)
    param = key_parameter(target, fn)
    repeats = bool(site.loops) or lifecycle.of(
        site.scope, lambda call: excused(call) or (_new_each_turn(call, fn, param)
                                                   and not lifecycle.of(call.scope).repeats)
    ).repeats
    guarded = guard(site, keys, ownership.module)
    return repeats, not before and per_client_key(target, fn) and not guarded


def _on_new_objects(excused: Callable[[Occurrence], bool], holder: Holder, fn: Scope | None,
                    enders: tuple[Scope, ...]) -> Callable[[Occurrence], bool]:
    """`excused`, and, for a holder of the storing method's own object (`self._reader`), a
    call on an object of its class the caller has just made in place of one it ended with
    one of `enders` (`fresh_objects.py`)."""
    cls = fn.enclosing_class() if fn is not None else None
    if fn is None or cls is None or holder.kind is not Keeper.ATTRIBUTE or not fn.self_name \
            or not holder.key.startswith(f"{fn.self_name}."):
        return excused
    return lambda call: excused(call) or on_an_object_made_first(call, cls, enders)


def _object_parameter(holder: Holder, fn: Scope | None) -> str:
    """`job` for the holder `job.task` when `job` is a parameter of `fn`, the storing function:
    which object the store is into is the caller's to say (`_new_each_turn`); "" otherwise."""
    if fn is None or holder.kind is not Keeper.DOTTED:
        return ""
    base = holder.key.split(".", 1)[0]
    return base if base != fn.self_name and any(
        b.kind is BindingKind.PARAM for b in fn.bindings.get(base, [])) else ""


def _given_anew(excused: Callable[[Occurrence], bool], fn: Scope, param: str,
                lifecycle: Lifecycle) -> Callable[[Occurrence], bool]:
    """`excused`, and a call giving `fn`'s parameter `param` a new object on each turn of a loop
    around it (`_new_each_turn`) from a caller that does not itself run again."""
    return lambda call: excused(call) or (_new_each_turn(call, fn, param, calls_too=True)
                                          and not lifecycle.of(call.scope).repeats)


def _place(fn: Scope, param: str) -> int:
    """The 0-based place of `fn`'s parameter `param` among a call's arguments (`self` not
    given), -1 when it is not a positional one."""
    if not isinstance(fn.node, cst.FunctionDef):
        return -1
    params = [p.name.value for p in (*fn.node.params.posonly_params, *fn.node.params.params)]
    skip = 1 if fn.self_name else 0
    return params.index(param) - skip if param in params else -1


def _new_each_turn(call: Occurrence, fn: Scope, param: str, calls_too: bool = False) -> bool:
    """`for name in names: self._add(name)`: the argument `fn`'s parameter `param` gets is
    read from the target of a `for` around the call, so each turn stores under a new key (into
    a new object): the loop repeats the call, not the key (a caller that itself runs again
    brings the same names back: that is weighed by the caller's own frequency). `calls_too`:
    an object given as the result of a call (`self._start(self._pending.pop())`) is not known
    to be the one an earlier call stored into either (a key so given may be: `self._key()`),
    nor is one the loop's body looks up anew by its target (`turns.objects_anew`)."""
    node = next((n for n in reversed(call.path) if isinstance(n, cst.Call)), None)
    if node is None or not param or not isinstance(fn.node, cst.FunctionDef):
        return False
    at = _place(fn, param)
    given = next((a.value for a in node.args if a.keyword is not None
                  and a.keyword.value == param), None)
    if given is None and 0 <= at < len(node.args) and node.args[at].keyword is None:
        given = node.args[at].value
    return new_on_each_turn(given, loop_targets(call.path), calls=calls_too,
                            anew=objects_anew(call.path) if calls_too else frozenset())

