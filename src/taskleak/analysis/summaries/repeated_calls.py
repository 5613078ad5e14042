"""The calls a module makes of other modules' functions where it knows they run again and
again (`RepeatedCall`): in a function that runs per event (a route's decorator, a handler's
registration, a caller that does) or on each turn of a loop, as `frequency/lifecycle.py` reads
it in this module alone.

A function that stores a task into a keyed module-level collection over the entry's live task
(`_in_flight[app] = ensure_future(...)`, no cancel, no guard) cannot tell alone whether it runs
again for the same key: its callers can, and they may live in another module (a web route
calling `spawn_deploy(app)`). The join matches these calls to it by what the callee resolves
to (`QuestionKind.CALLED_OFTEN`, `project/called_often.py`). Each carries the names the caller
tests first (`guards.guarding_names`): a caller that refuses a key already in flight runs the
store over no live task.

So are its calls of a method on an attribute's object (`self._link.connect()`) in such code:
a store that method makes into its own object's attribute over a live task is reached again
(`project/reentry.py`), unless the call is on an object made just before in place of one
ended first (`RepeatedCall.made_anew`, `ended_with`: `frequency/fresh_objects.py`).
"""

from __future__ import annotations

import sys
from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.calls import RepeatedCall
from taskleak.analysis.frequency.fresh_objects import replaced_object
from taskleak.analysis.frequency.lifecycle import Lifecycle, per_turn
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.guards import guarding_names
from taskleak.analysis.obligations.holders import where
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted, leaves_the_loop
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import is_registrar


def repeated_calls(root: Scope, lifecycle: Lifecycle, resolver: Resolver
                   ) -> tuple[RepeatedCall, ...]:
    """The module's calls of imported functions (`f(...)`, `mod.f(...)`) made in code that runs
    again and again, in text order."""
    out: list[RepeatedCall] = []
    imported: dict[tuple[int, str], bool] = {}  # (scope, callee) -> `_imported`, asked once
    for scope in root.walk():
        # handed to a registration call (`bus.subscribe("message", handlers.on_message)`):
        # called back per event, however often the registering code runs
        out += [RepeatedCall(o.key, scope.qualname if scope.kind is ScopeKind.FUNCTION
                             else "<module>", f"registered with {o.dest.callee}() in "
                             f"{where(o.scope)}")
                for o in scope.occurrences if o.dest.kind is Flow.PASSED
                and is_registrar(o.dest.callee) and _once(imported, scope, o.key, resolver)]
        if scope.kind is not ScopeKind.FUNCTION:
            continue
        # (the scan keeps their paths; a decorator's call runs once, where the def does)
        method = scope.method()
        me = method.self_name if method is not None else None
        calls = [o for o in scope.occurrences if o.dest.kind is Flow.CALLED and o.path
                 and not any(isinstance(n, cst.Decorator) for n in o.path)
                 and (_once(imported, scope, o.key, resolver) or _own(o.key, me))]
        if not calls:
            continue
        often = lifecycle.of(scope)
        for occ in calls:
            if occ.loops and not (len(occ.loops) == 1 and leaves_the_loop(occ.path)):
                turn = per_turn(scope, occ, "called")
                words, item = turn.evidence, turn.per_item
            elif often.repeats and often.evidence:
                words, item = f"called by {often.function}(), {often.evidence}", often.per_item
            else:
                continue
            out.append(_repeated(occ, scope, words, item, me))
    return tuple(out)


def _own(key: str, me: str | None) -> bool:
    """`self.x.m`: a method of what an attribute of the object holds (a call on `self`
    itself is its module's to weigh, with its excuses: `project/reentry.py`)."""
    return me is not None and key.startswith(f"{me}.") and key.count(".") == 2


def _repeated(occ: Occurrence, scope: Scope, often: str, per_item: bool, me: str | None
              ) -> RepeatedCall:
    """The call at `occ`, and for a call on an attribute's object, the object it made just
    before in place of another (`fresh_objects.replaced_object`)."""
    call = RepeatedCall(occ.key, scope.qualname, often, per_item, guarding_names(occ))
    if not _own(occ.key, me):
        return call
    replaced = replaced_object(occ)
    made = dotted(replaced[0].func) if replaced is not None else None
    return replace(call, made_anew=made, ended_with=tuple(sorted(replaced[1]))) \
        if replaced is not None and made else call


def _once(memo: dict[tuple[int, str], bool], scope: Scope, key: str, resolver: Resolver
          ) -> bool:
    at = (id(scope), key)
    if at not in memo:
        memo[at] = _imported(key, scope, resolver)
    return memo[at]


def _imported(key: str, scope: Scope, resolver: Resolver) -> bool:
    """`key` is a function another module defines, by an import of this one: the name, or
    the head of `mod.f` (`pkg.mod.f`, `Jobs.start`), resolves to an imported qualified name,
    not the standard library's."""
    if not key:
        return False
    head = key.partition(".")[0]
    if not head.isidentifier() or head in ("self", "cls"):
        return False
    sym = resolver.resolve(cst.Name(head), scope)
    # (the standard library's functions keep no task of the project: not exported)
    return sym.kind is SymKind.QUALIFIED \
        and sym.name.partition(".")[0] not in sys.stdlib_module_names
