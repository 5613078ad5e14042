"""Who keeps a Task and what ends it, within one module: a `Holder` (a local, an attribute, a
global or a dotted name) and what every read of it does (`Ownership.effects`): awaits, gathers,
cancels (also through an alias, `t = self._task; t.cancel()`, or an element), prunes (`discard`,
`pop`, a done-callback, a rebuild), hands on (returned, passed on), stores, calls."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import libcst as cst

from taskleak.analysis.facts.fates import Hand, Handoff, Keeper
from taskleak.analysis.names.attributes import another_class_attribute, is_rebuild, property_twins
from taskleak.analysis.names.effect_owners import EffectOwners
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.attribute_reads import attribute_reads
from taskleak.analysis.obligations.completed_futures import awaited_through
from taskleak.analysis.obligations.default_aliases import defaulted_in
from taskleak.analysis.obligations.effects import HOW_WAITED, Effects
from taskleak.analysis.obligations.handoffs import (
    partial_call,
    received_by,
    received_field,
    receiving_parameter,
)
from taskleak.analysis.obligations.holders import (
    Holder,
    into_collection,
    into_itself,
    respawned_after,
    stored_as,
    where,
)
from taskleak.analysis.obligations.library_helpers import ended_by_library
from taskleak.analysis.obligations.made_objects import object_kept
from taskleak.analysis.obligations.races import race_of
from taskleak.analysis.obligations.waits import delegated_only
from taskleak.analysis.obligations.weak_holders import WeakReferences
from taskleak.analysis.tree.dests import Flow, Waited
from taskleak.analysis.tree.nodes import defaulted_entry, dotted
from taskleak.analysis.tree.reads import Reads
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind

# the methods that add every element of their argument to the collection they are called on
_COPIES_ALL = frozenset({"extend", "update"})
_MemoKey = tuple[Keeper, str, str, int, int, int, bool]  # a holder's fields, depth, returns


class Ownership(WeakReferences):
    """Holders and their effects in one module."""

    def __init__(self, module: Scope, resolver: Resolver) -> None:
        self.module = module
        self.resolver = resolver
        self.owners = EffectOwners(resolver)  # (the class an object is typed with)
        self._reads: Reads | None = None
        # Speed trick (one place, with `Reads`): every spawn asked for its holder's effects,
        # each a search of the whole module's reads; n spawns into one set, or n classes, made
        # that quadratic (2,000 spawns: 36 s of a 50 s check). The reads are indexed once and
        # each holder's effects computed once (`tests/analysis/test_cliffs.py` counts them).
        self._effects: dict[_MemoKey, Effects] = {}
        self._foreign: dict[str, list[tuple[Occurrence, Effects]]] = {}
        self._values: dict[int, Occurrence] = {}
        # calls (by id) of other modules' functions taken to end nothing they are handed,
        # and the memos of each such assumption (`assuming`)
        self.assumed: frozenset[int] = frozenset()
        self._memos: dict[frozenset[int], tuple[dict[_MemoKey, Effects],
                                                dict[str, list[tuple[Occurrence, Effects]]]]] = {}

    @contextmanager
    def assuming(self, calls: frozenset[int]) -> Iterator[None]:
        """Effects as if each call in `calls` (by id) ended nothing it is handed: what the
        spawns are when the other module's function that receives the task does not end it
        (`foreign_handoffs.py`). Each assumption keeps its own memos."""
        saved = self.assumed, self._effects, self._foreign
        self._effects, self._foreign = self._memos.setdefault(calls, ({}, {}))
        self.assumed = calls
        try:
            yield
        finally:
            self.assumed, self._effects, self._foreign = saved

    @property
    def reads(self) -> Reads:
        """The module's reads, indexed on first use (the scan is over by then)."""
        if self._reads is None:
            self._reads = Reads(self.module)
        return self._reads

    def holder_for(self, target: cst.BaseExpression, scope: Scope) -> Holder | None:
        """What keeps a value stored into `target` from code in `scope`."""
        if isinstance(target, cst.Name):
            return self._name_holder(target.value, scope)
        if isinstance(target, cst.Attribute):
            key = dotted(target)
            if key is None:
                return None
            base = key.split(".", 1)[0]
            method = scope.method()
            cls = scope.enclosing_class()
            if (method is not None and cls is not None and method.self_name == base
                    and key.count(".") == 1):
                return Holder(Keeper.ATTRIBUTE, key, target.attr.value, cls)
            if cls is not None and key.count(".") == 1 and base == cls.name:
                return Holder(Keeper.ATTRIBUTE, key, target.attr.value, cls)  # `Cls.tasks`
            stored = stored_as(base, scope, method)  # `request` kept as `self._request`
            key = stored + key[len(base):] if stored else key  # (`request.app_task`)
            return Holder(Keeper.DOTTED, key, key, self.module, written_on=base if stored else "")
        if isinstance(target, cst.Subscript):
            return self.holder_for(target.value, scope)
        entry_of = defaulted_entry(target)  # `self._m.setdefault(k, [])`: held by `self._m`
        return self.holder_for(entry_of, scope) if entry_of is not None else None

    def _name_holder(self, name: str, scope: Scope) -> Holder:
        if scope.kind is ScopeKind.MODULE or name in scope.declared_global:
            return Holder(Keeper.GLOBAL, name, name, self.module)
        if scope.kind is ScopeKind.CLASS:
            return Holder(Keeper.ATTRIBUTE, name, name, scope)
        defining = self.resolver.defining_scope(name, scope)
        if defining is not None and defining.kind is ScopeKind.MODULE:
            return Holder(Keeper.GLOBAL, name, name, self.module)
        return Holder(Keeper.LOCAL, name, name, scope if defining is None else defining)

    # -- reads -----------------------------------------------------------------------------
    def occurrences(self, holder: Holder) -> list[Occurrence]:
        """Every read of the holder in the module."""
        reads = self.reads
        if holder.kind is Keeper.LOCAL:
            scope, key, own = holder.scope, holder.key, holder.comprehension
            return [o for o in reads.within(key, scope) if o.comprehension == own and (
                o.scope is scope or key not in o.scope.bindings
                or key in o.scope.declared_nonlocal)]
        if holder.kind is Keeper.ATTRIBUTE:
            return attribute_reads(self.reads, self.module, holder)
        key = holder.key
        if holder.kind is not Keeper.GLOBAL:
            return list(reads.by_key.get(key, ()))
        module = self.module
        # a local of the same name shadows the global there
        return [o for o in reads.by_key.get(key, ()) if o.scope is module
                or key not in o.scope.bindings or key in o.scope.declared_global]

    # -- effects ---------------------------------------------------------------------------
    def effects(self, holder: Holder, depth: int = 0, returns: bool = False) -> Effects:
        """What the module's reads of `holder` do with it (aliases followed two levels; a
        local's returns to callers too with `returns`); a copy the caller may change."""
        h = holder
        memo_key = (h.kind, h.key, h.name, id(h.scope), h.comprehension, depth, returns)
        eff = self._effects.get(memo_key)
        if eff is None:  # (asked again while computed, `cmd = Command(cmd)`: nothing yet)
            self._effects[memo_key] = Effects()
            eff = self._effects[memo_key] = self._compute_effects(holder, depth, returns)
        return eff.copy()

    def _compute_effects(self, holder: Holder, depth: int, returns: bool) -> Effects:
        eff = Effects()
        for occ in self.occurrences(holder):
            self._effect(occ, eff, depth)
        if holder.kind is Keeper.ATTRIBUTE:
            # `self._tasks = [t for t in self._tasks if not t.done()]` rebuilds (prunes)
            for value, scope in holder.scope.attr_bindings.get(holder.name, []):
                if is_rebuild(value, holder.key.split(".", 1)[-1]):
                    eff.prunes.append(where(scope))
            if depth == 0 and "." in holder.key:
                for twin in property_twins(holder.scope, holder.name):
                    other = Holder(Keeper.ATTRIBUTE, f"{holder.key.split('.', 1)[0]}.{twin}",
                                   twin, holder.scope)
                    eff.add_cleanup(self.effects(other, depth + 1))
        if (holder.kind is not Keeper.LOCAL or returns) and eff.return_reads and depth == 0:
            self._follow_returns(eff)
        if holder.kind in (Keeper.ATTRIBUTE, Keeper.DOTTED) and eff.cleanup is None \
                and depth == 0:
            self._foreign_cleanup(holder, eff)
        return eff

    def _follow_returns(self, eff: Effects) -> None:
        """`def _stop_task(self): return self._task`: what the module's callers do with the
        value counts (`await self._stop_task()` awaits the task; of an `async def`, the value
        is what the await gives). With no caller here, or from a public function (no leading
        underscore: other modules may call it and end what it gives them), it also goes to
        callers not followed. (A spawn's local that is returned stays "returned": helpers are
        judged project-wide.)"""
        handed = [h for h in eff.handed if h.how is not Hand.RETURNED]
        for occ in eff.return_reads:
            fn = occ.scope
            callers = self.callers(fn) if fn.kind is ScopeKind.FUNCTION else []
            if not callers:
                handed.append(Handoff(Hand.RETURNED_BY, f"returned by {fn.name}()"))
                continue
            if not fn.name.startswith("_"):  # public: other modules may call it too
                handed.append(Handoff(Hand.RETURNED_BY,
                                      f"returned by {fn.name}(), which other modules may call"))
            for call in callers:
                value = self.value_of(call, fn.is_async)
                if value is None:  # a coroutine not awaited where it is called
                    handed.append(Handoff(Hand.RETURNED_BY, f"returned by {fn.name}()"))
                    continue
                one = Effects()
                self._effect(value, one, 0)
                eff.add_cleanup(one)
                if not one.ends_something() and not one.handed:
                    eff.followed.append(f"{fn.name}() returns it to {where(call.scope)}, "
                                        "which does not end it")
                eff.handed_on += [h.returned_by(f"{fn.name}() to {where(call.scope)}")
                                  for h in one.handed]
                eff.handed_reads += one.handed_reads  # the caller's hand-offs are its too
        eff.handed = handed + eff.handed_on

    def value_of(self, call: Occurrence, coroutine: bool) -> Occurrence | None:
        """The value a call returns (a coroutine function's: its `await` gives; None if not
        awaited there) as a read at the call, one per call (effects compare by identity)."""
        value = self._values.get(id(call))
        dest = call.dest.awaited_value if coroutine else call.dest.result
        if value is None and dest is not None:
            value = self._values[id(call)] = Occurrence(
                key=call.key, scope=call.scope, dest=dest, seq=call.seq,
                loops=call.loops, path=call.path)
        return value

    def callers(self, fn: Scope) -> list[Occurrence]:
        """The calls of function `fn` in this module (of its reads, `reads_of`)."""
        return [o for o in self.reads_of(fn) if o.dest.kind is Flow.CALLED and o.dest.result]

    def reads_of(self, fn: Scope) -> list[Occurrence]:
        """The reads of function `fn`'s name that refer to it: `f` where the name is the
        module's (or an enclosing function's), `self.f` / `Cls.f` in its class."""
        parent = fn.parent
        if parent is None:
            return []
        if parent.kind is ScopeKind.CLASS:
            return [o for o in self.reads.within_attr(fn.name, parent)
                    if o.key == f"{parent.name}.{fn.name}"
                    or o.key == f"{_self_of(o.scope)}.{fn.name}"]
        return [o for o in self.reads.within(fn.name, parent)
                if self.resolver.defining_scope(fn.name, o.scope) is parent]

    def _foreign_cleanup(self, holder: Holder, eff: Effects) -> None:
        """Cleanup of the same attribute reached through another object in this module:
        `self.server.handler_tasks.add(t)` here, `await asyncio.wait(self.handler_tasks)` in the
        server class; `ws.handler_task` gathered by whoever holds the connections."""
        last = holder.name.rsplit(".", 1)[-1]
        cls = holder.scope if holder.kind is Keeper.ATTRIBUTE else None
        memo = f"{last}@{id(cls)}" if cls is not None else last  # another class's: per class
        ends = self._foreign.get(memo)
        if ends is None:  # once per attribute name and class: the reads that end something
            ends = self._foreign[memo] = []
            for o in self.reads.by_attr.get(last, ()):
                if another_class_attribute(o, cls) or self.owners.of_another_class(o, cls):
                    continue
                one = Effects()
                self._effect(o, one, 1)
                if one.ends_something():
                    ends.append((o, one))
        seen = {id(o) for o in eff.occurrences}
        found = Effects()
        for o, one in ends:
            if id(o) not in seen:
                found.add_cleanup(one)
        eff.add_cleanup(found)

    def _effect(self, occ: Occurrence, eff: Effects, depth: int) -> None:
        d = occ.dest
        place = where(occ.scope)
        eff.occurrences.append(occ)
        kind = d.kind
        if kind is Flow.CANCEL:
            (eff.replaced if respawned_after(occ) else eff.cancels).append(place)
            eff.cancel_reads.append(occ)
        elif kind is Flow.CALLED:  # what it holds is called: a bound cancel? (effects.py)
            eff.called(place, occ)
        elif delegated_only(occ):
            pass  # an awaitable's own task: awaited only by whoever awaits the object, if any
        elif kind is Flow.AWAITED:
            # a concurrent Future's `.result()` blocks the thread: say so, and that a timeout
            # can give up on it
            how = d.waited or Waited.AWAIT
            eff.awaited(place + HOW_WAITED.get(how, ""), how)
            eff.await_reads.append(occ)
        elif kind is Flow.GATHERED:
            eff.gathers.append(place)
            eff.gather_reads.append(occ)
        elif kind is Flow.PRUNE or kind is Flow.PRUNE_REF:
            eff.prunes.append(place)
            eff.prune_reads.append(occ)
            if d.targets:
                self._aliases(d.targets, occ, eff, depth)
        elif kind is Flow.RETURNED:
            eff.handed.append(Handoff(Hand.RETURNED, "returned"))
            eff.return_reads.append(occ)
        elif kind is Flow.PASSED:
            if d.call is not None and d.arg is not None \
                    and ended_by_library(d.call, d.arg, occ.scope, self.resolver):
                (eff.replaced if respawned_after(occ) else eff.cancels).append(place)
                eff.cancel_reads.append(occ)  # (and waited for: pipecat's `cancel_task`)
            elif self.weak_call(d.callee, occ.scope):
                eff.weak.append(f"{d.callee}()")
            else:
                self._passed(occ, eff, depth)
        elif into_collection(d) or into_itself(d, occ.scope, self.resolver):
            assert d.receiver is not None  # (`super().add(task)` of a `set`: into itself)
            # `d[task] = x` (a key) after `.add(task)`: a lookup table is rarely the owner
            (eff.key_collections if d.callee == "__setitem__" else eff.collections).append(
                (d.receiver, occ.scope))
            if d.callee in _COPIES_ALL and isinstance(d.receiver, cst.Name):
                # `tasks.extend(self._tasks)`: a local copy of what the holder holds, whose
                # ends (`for t in tasks: t.cancel()`) end the holder's tasks too
                self._aliases((d.receiver,), occ, eff, depth)
        elif kind is Flow.BOUND:
            for t in d.targets:
                # (a tuple of tasks bound to a local is an alias; to a global, a store)
                if not isinstance(t, cst.Name) or (not d.element and not d.container) \
                        or t.value in occ.scope.declared_global:
                    eff.stores.append((t, occ.scope))
            self._aliases(d.targets, occ, eff, depth)
        elif kind is Flow.ITER:
            self._aliases(d.targets, occ, eff, depth)
        elif kind is Flow.DEFAULT and (inner := defaulted_in(occ)) is not None:
            self._aliases(d.targets, occ, eff, depth, inner)
        elif kind is Flow.DONE_CALLBACK:  # an `await future` of a future it completes
            awaited_through(occ, eff, place)

    def _passed(self, occ: Occurrence, eff: Effects, depth: int) -> None:
        """`f(task)`: what the function receiving it does with its parameter counts as done
        here (`handoffs.py`); a function this module does not define is a hand-off that is
        not followed."""
        d = occ.dest
        if d.call is not None and id(d.call) in self.assumed:
            eff.followed.append(f"{received_by(d, occ.scope)}() receives it and does not end it")
            return
        received = receiving_parameter(d.call, d.arg, occ.scope) \
            if d.call is not None and d.arg is not None and depth < 2 else None
        field = received_field(d.call, d.arg, occ.scope, self.resolver) \
            if received is None and d.call is not None and d.arg is not None else None
        if (field is not None or (received is not None and received[0].name == "__init__")) \
                and d.call is not None \
                and not object_kept(d.call, occ.scope, self.holder_for, self.effects):
            received = field = None  # the object, with the task, is handed on: not followed
        if field is not None:  # `Handle(task=task)`: kept in the object's field
            eff.stores.append((cst.Name(field[1]), field[0]))
            return
        if received is None:
            eff.handed.append(Handoff(Hand.PASSED, f"passed to {d.callee}()"))
            eff.handed_reads.append(occ)
            return
        fn, param = received
        sub = self.effects(Holder(Keeper.LOCAL, param, param, fn), depth + 1)
        eff.add_cleanup(sub)
        if not sub.ends_something() and not sub.handed:
            # `partial(f, x)`: `f` receives it
            callee = fn.name if d.call is not None and d.arg is not None \
                and partial_call(d.call, d.arg, occ.scope) is not None else d.callee
            eff.followed.append(f"{callee}() receives it and does not end it")
        eff.followed += sub.followed
        if sub.ends_something():  # the reads of the caller's own holder: where it is ended
            if sub.cancel_reads:
                eff.cancel_reads.append(occ)
            # (a wait there that cannot give up on it ends it too; a race is `race_fates`')
            if sub.await_reads or any(race_of(o.path, o.seq, o.scope, self.resolver) is None
                                      for o in sub.gather_reads):
                eff.await_reads.append(occ)
        if sub.handed_reads:  # handed on from there (and this call is where it leaves us)
            eff.handed_reads += [occ, *sub.handed_reads]
        eff.handed += [h.inside(d.callee) for h in sub.handed]
        eff.weak += sub.weak
        eff.stores += sub.stores
        eff.collections += sub.collections
        eff.key_collections += sub.key_collections

    def _aliases(self, targets: tuple[cst.BaseExpression, ...], origin: Occurrence,
                 eff: Effects, depth: int, scope: Scope | None = None) -> None:
        """Follow `t = self._t`, `for t in ts:`, `t = d.pop(k)`; a copy, `[t for t in ts]`,
        free; a parameter's default (`def f(t, ts=self._ts)`) names a local of `scope`."""
        if depth >= 2:
            return
        replacing = respawned_after(origin)
        for t in targets:
            names = [t] if isinstance(t, cst.Name) else [
                e.value for e in getattr(t, "elements", ()) if isinstance(e.value, cst.Name)]
            for n in names:
                if isinstance(n, cst.Name):
                    alias = Holder(Keeper.LOCAL, n.value, n.value, scope or origin.scope,
                                   origin.dest.comprehension)
                    sub = self.effects(alias, depth + (not origin.dest.copies))
                    if replacing:  # `old = self._t; old.cancel(); self._t = spawn()`
                        sub.replaced = sub.replaced + sub.cancels  # new lists: see copy()
                        sub.cancels = []
                    eff.add_cleanup(sub)
                    eff.replaced += sub.replaced
                    eff.handed += sub.handed
                    eff.handed_reads += sub.handed_reads
                    eff.return_reads += sub.return_reads
                    eff.followed += sub.followed
                    eff.weak += sub.weak


def _self_of(scope: Scope) -> str | None:
    method = scope.method()
    return method.self_name if method is not None else None

