"""What a module does to dotted names (`self._t.cancel()`, `entry.runtime_data.listener`), as
the other modules are told it (`Exports.effects`): the ends, waits and prunes another module's
spawn may find its task given."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.facts.interface import Effect, EffectKind
from taskleak.analysis.names.effect_owners import EffectOwners
from taskleak.analysis.obligations.closing import outcome_reader
from taskleak.analysis.obligations.holders import Holder, where
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.waits import delegated_only
from taskleak.analysis.summaries.module_level import EFFECTS as _EFFECTS
from taskleak.analysis.tree.dests import Flow, Waited
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind


def dotted_effects(root: Scope, ownership: Ownership) -> tuple[Effect, ...]:
    """What the module does to dotted names, directly (`self._t.cancel()`) or through a local
    alias (`t = entry.runtime_data.listener; t.cancel()`, `for t in (self._a, self._b):
    t.cancel()`)."""
    effects: list[Effect] = []
    owners = ownership.owners
    for scope in root.walk():
        for occ in scope.occurrences:
            if "." not in occ.key:
                continue
            kind = effect_kind(occ)
            callback = occ.done_callback
            if callback is not None and outcome_reader(callback, occ.scope):
                kind = EffectKind.OUTCOME  # `response.task.add_done_callback(self._ready)`
            if kind is not None:
                effects.append(Effect(kind, occ.key, where(scope), owners.of(scope, occ.key),
                                      method_of(scope)))
            elif occ.dest.kind in _ALIASING and scope.kind is ScopeKind.FUNCTION:
                effects += _through_alias(ownership, occ.dest.targets, scope, occ.key, owners)
            elif occ.dest.kind is Flow.RETURNED and scope.kind is ScopeKind.FUNCTION:
                effects += _through_callers(ownership, scope, occ.key, owners)
        if scope.kind is ScopeKind.FUNCTION:  # `old, self._t = self._t, None`: element-wise
            effects += [e for name, key in dotted_aliases(scope)
                        for e in _through_alias(ownership, (cst.Name(name),), scope, key, owners)]
    return tuple(dict.fromkeys(effects))


# Where a read hands the dotted name's tasks to a local: bound to it (`t = self._t`), or
# iterated into it (`for t in (self._reader, self._writer): t.cancel()`, each element in turn;
# `for t in self._tasks: t.cancel()`, each task the collection holds)
_ALIASING = frozenset({Flow.BOUND, Flow.ITER})


def dotted_aliases(scope: Scope) -> list[tuple[str, str]]:
    """(local, dotted name) for each local the function binds to a dotted name: a tuple
    assignment's (`old, self._t = self._t, None`, bound element by element by the scan) is one
    no read's flow says; a plain one's the flow says too (the effects are the same, kept once)."""
    return [(name, key) for name, bindings in scope.bindings.items() for b in bindings
            if b.kind is BindingKind.ASSIGN and isinstance(b.value, cst.Attribute)
            and (key := dotted(b.value))]


def method_of(scope: Scope) -> str:
    """The method a place belongs to, by its name ("" outside a class's method)."""
    method = scope.method()
    return method.name if method is not None and method.enclosing_class() is not None else ""


def effect_kind(occ: Occurrence) -> EffectKind | None:
    """What a read does to the tasks its holder holds, as another module is told it (the same
    rules as this module's own judgement: an `__await__` delegation nothing proves reached
    ends nothing; a `.result()` is a wait only for a concurrent Future, which the spawn's
    module knows)."""
    if delegated_only(occ):
        return None
    if occ.dest.kind is Flow.AWAITED and occ.dest.waited in (Waited.RESULT, Waited.TIMED_RESULT):
        return EffectKind.RESULT_IF_DONE if occ.dest.done_checked else EffectKind.RESULT
    return _EFFECTS.get(occ.dest.kind)


def _through_alias(ownership: Ownership, targets: tuple[cst.BaseExpression, ...], scope: Scope,
                   key: str, owners: EffectOwners) -> list[Effect]:
    """The effects through locals bound to `key` (its class read when one is found)."""
    out: list[Effect] = []
    for occ in alias_reads(ownership, targets, scope):
        kind = effect_kind(occ)
        if kind is not None:
            out.append(Effect(kind, key, where(occ.scope), owners.of(scope, key),
                              method_of(occ.scope)))
    return out


def alias_reads(ownership: Ownership, targets: tuple[cst.BaseExpression, ...], scope: Scope
                ) -> list[Occurrence]:
    """The reads in `scope` of the locals named among `targets` (`task = entry.inflight`)."""
    return [occ for target in targets if isinstance(target, cst.Name)
            for occ in ownership.occurrences(Holder(Keeper.LOCAL, target.value, target.value,
                                                    scope))]


def _through_callers(ownership: Ownership, fn: Scope, key: str, owners: EffectOwners
                     ) -> list[Effect]:
    """The effects of what function `fn` returns (`return entry.inflight`) where this module's
    callers put its value (`await _inflight(entry)`), as the module's own judgement follows
    them (`Ownership._follow_returns`)."""
    out: list[Effect] = []
    for call in ownership.callers(fn):
        value = ownership.value_of(call, fn.is_async)
        kind = effect_kind(value) if value is not None else None
        if kind is not None:
            out.append(Effect(kind, key, where(call.scope), owners.of(fn, key),
                              method_of(call.scope)))
        elif value is not None and value.dest.kind in _ALIASING:  # `task = _inflight(e)`
            out += _through_alias(ownership, value.dest.targets, call.scope, key, owners)
    return out
