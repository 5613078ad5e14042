"""A local name for another holder's collection: `bucket = self._tasks`, or either of two
(`bucket = self._background if background else self._tasks`).

A task put in `bucket` is in the object's collection, so whatever ends that collection's tasks
(a `stop()` that cancels every task in `self._tasks`) ends it too. Only a local bound nowhere
but to such names counts: one bound to anything else could hold another collection.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.scopes import BindingKind


def with_aliases(eff: Effects, holder: Holder, ownership: Ownership,
                 extra: Effects | None = None) -> Effects:
    """`eff`, the collection's effects, with the ends of what the function did with the task
    itself (`extra`: `await task`) and of the holders the local collection names."""
    if extra is not None:
        eff.add_ends(extra)
    for named in aliased(holder, ownership):  # `bucket = self._tasks`: its ends too
        eff.add_ends(ownership.effects(named))
    return eff


def aliased(holder: Holder, ownership: Ownership) -> list[Holder]:
    """The attributes and globals the local `holder` names (by every binding of it), or []."""
    if holder.kind is not Keeper.LOCAL:
        return []
    bindings = holder.scope.bindings.get(holder.name, [])
    out: list[Holder] = []
    for b in bindings:
        if b.kind is not BindingKind.ASSIGN or b.value is None:
            return []
        branches = [b.value.body, b.value.orelse] if isinstance(b.value, cst.IfExp) \
            else [b.value]
        for value in branches:
            named = ownership.holder_for(value, holder.scope) \
                if isinstance(value, (cst.Name, cst.Attribute)) else None
            if named is None or named.kind is Keeper.LOCAL:
                return []
            out.append(named)
    return out
