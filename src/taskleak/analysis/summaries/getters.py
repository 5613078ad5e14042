"""A module's getters of kept tasks and what its calls do with what another module's function
returns (`Exports.getters`, `Exports.call_value_effects`; facts/getters.py).

A getter is a plain function (no method, no coroutine function) that returns what a dotted
holder reached through one of its parameters holds, directly (`return entry.inflight`) or
through a local bound to it (`task = entry.inflight; ...; return task`). A call's value effect
is the await, gather, cancel or prune of the value a call of an imported function gives,
directly (`_inflight(entry).cancel()`) or through a local bound to it (`task = _inflight(entry)`
then `await asyncio.shield(task)`), never a direct `await f()`, which awaits what a coroutine
function gives: nearly every call of one, and no getter's.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.getters import CallValueEffect, Getter
from taskleak.analysis.names.resolve import SymKind
from taskleak.analysis.obligations.holders import where
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.summaries.dotted_effects import alias_reads, effect_kind, method_of
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind


def getters(root: Scope, ownership: Ownership) -> tuple[Getter, ...]:
    """The module's plain functions that return what a dotted holder of a parameter holds."""
    out: list[Getter] = []
    for fn in root.walk():
        if not _plain_function(fn):
            continue
        for occ in fn.occurrences:
            head = occ.key.partition(".")[0]
            if "." not in occ.key or not _parameter(fn, head):
                continue
            if occ.dest.kind is Flow.RETURNED or (occ.dest.kind is Flow.BOUND and any(
                    o.dest.kind is Flow.RETURNED for o in _alias_reads(ownership, occ, fn))):
                out.append(Getter(fn.qualname, occ.key, ownership.owners.of(fn, occ.key)))
    return tuple(dict.fromkeys(out))


def call_value_effects(root: Scope, ownership: Ownership) -> tuple[CallValueEffect, ...]:
    """What this module's calls of imported functions do with the values they give."""
    out: list[CallValueEffect] = []
    for scope in root.walk():
        if scope.kind is not ScopeKind.FUNCTION:
            continue
        for occ in scope.occurrences:
            if "." in occ.key or occ.dest.kind is not Flow.CALLED or occ.dest.result is None \
                    or not _imported(ownership, occ):
                continue
            value = ownership.value_of(occ, False)
            if value is None or value.dest.kind is Flow.AWAITED:
                continue  # (`await f()`: a coroutine function's, as good as always)
            # (the value itself, or the locals it is bound to: `task = inflight(entry)`)
            for read in (value, *_alias_reads(ownership, value, scope)):
                found = effect_kind(read)
                if found is not None:
                    out.append(CallValueEffect(occ.key, scope.qualname, found.value,
                                               where(read.scope), method_of(read.scope)))
    return tuple(dict.fromkeys(out))


def _plain_function(fn: Scope) -> bool:
    """A `def` outside a class body: its call gives what it returns."""
    return fn.kind is ScopeKind.FUNCTION and isinstance(fn.node, cst.FunctionDef) \
        and fn.node.asynchronous is None and fn.parent is not None \
        and fn.parent.kind is not ScopeKind.CLASS


def _parameter(fn: Scope, name: str) -> bool:
    return any(b.kind is BindingKind.PARAM for b in fn.bindings.get(name, []))


def _alias_reads(ownership: Ownership, occ: Occurrence, scope: Scope) -> list[Occurrence]:
    """The reads of the locals `occ`'s value is bound to (`task = entry.inflight`)."""
    return alias_reads(ownership, occ.dest.targets, scope) if occ.dest.kind is Flow.BOUND \
        else []


def _imported(ownership: Ownership, occ: Occurrence) -> bool:
    """The called name is one the module imports."""
    return ownership.resolver.resolve(cst.Name(occ.key), occ.scope).kind is SymKind.QUALIFIED
