"""Which ends of a class's attribute reach the task one spawn keeps there: not those made by a
subclass that replaces the spawning method.

A subclass's `close()` cancelling `self._task` ends the task for that subclass's objects. When
the subclass defines the spawning method again without calling `super()`, its objects never
run this spawn, so its close is no end of this task (`Shade`'s own `get_position()`). The
module's ends are read per holder (`Ownership.effects`, shared by the spawns that store there);
this filter is per spawn, the rule the project join applies across modules
(`project/spawn_objects.py`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder, where
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.reads import Reads
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Occurrence, Scope, ScopeKind


def without_replacing_subclasses(site: CallSite, holder: Holder, eff: Effects,
                                 reads: Reads) -> Effects:
    """`eff` without the ends made in a subclass of the holder's class that replaces the
    method the spawn is in."""
    cls = holder.scope
    method = site.scope.method()
    if holder.kind is not Keeper.ATTRIBUTE or cls.kind is not ScopeKind.CLASS \
            or method is None or method.enclosing_class() is not cls:
        return eff
    ending = eff.cancel_reads + eff.await_reads + eff.gather_reads + eff.prune_reads
    gone = {id(o) for o in ending if _replaces(_class_of(o), cls, method.name, reads)}
    if not gone:
        return eff
    kept = {where(o.scope) for o in ending if id(o) not in gone}
    places = {where(o.scope) for o in ending if id(o) in gone} - kept
    out = eff.copy()  # new lists: see Effects.copy()
    out.cancel_reads = [o for o in eff.cancel_reads if id(o) not in gone]
    out.await_reads = [o for o in eff.await_reads if id(o) not in gone]
    out.gather_reads = [o for o in eff.gather_reads if id(o) not in gone]
    out.prune_reads = [o for o in eff.prune_reads if id(o) not in gone]
    out.cancels = [p for p in eff.cancels if p not in places]
    out.gathers = [p for p in eff.gathers if p not in places]
    out.prunes = [p for p in eff.prunes if p not in places]
    waits = [(p, w) for p, w in zip(eff.awaits, eff.await_waits, strict=True)
             if not any(p.startswith(g) for g in places)]
    out.awaits = [p for p, _ in waits]
    out.await_waits = [w for _, w in waits]
    return out


def _class_of(occ: Occurrence) -> Scope | None:
    method = occ.scope.method()
    return method.enclosing_class() if method is not None else None


def _replaces(own: Scope | None, cls: Scope, name: str, reads: Reads) -> bool:
    """`own` derives from `cls` (a base named in its class statement) and defines `name`
    again without calling `super()` in it."""
    if own is None or own is cls or not isinstance(own.node, cst.ClassDef) \
            or cls.name not in {dotted(b.value) for b in own.node.bases}:
        return False
    defined = [c for c in own.children if c.kind is ScopeKind.FUNCTION and c.name == name]
    if not defined or not any(b.kind is BindingKind.DEF for b in own.bindings.get(name, ())):
        return False
    return not calls_super(defined[-1], reads)


def calls_super(method: Scope, reads: Reads) -> bool:
    """The method (or code nested in it) calls `super()`: it runs what it overrides too."""
    return any(o.dest.kind is Flow.CALLED and o.scope.within(method)
               for o in reads.by_key.get("super", ()))
